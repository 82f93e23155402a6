using System.Text;

namespace Parsec.Generators.Emit;

/// <summary>Writes generated C# line by line with four-space indentation and \n line endings.</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder text = new();
    private int depth;

    public void Line(string line = "")
    {
        if (line.Length > 0) text.Append(' ', depth * 4).Append(line);
        text.Append('\n');
    }

    /// <summary>Writes <paramref name="header"/> (if any) and an opening brace, and indents.</summary>
    public void Open(string? header = null)
    {
        if (header is not null) Line(header);
        Line("{");
        depth++;
    }

    /// <summary>Unindents and writes a closing brace followed by <paramref name="suffix"/>.</summary>
    public void Close(string suffix = "")
    {
        depth--;
        Line("}" + suffix);
    }

    public void Indent() => depth++;

    public void Unindent() => depth--;

    /// <summary>
    /// Writes a string expression followed by <paramref name="suffix"/>: a quoted literal for one line, an indented
    /// raw string literal for several, so that captured source stays readable in the generated file.
    /// </summary>
    public void StringExpression(string value, string suffix)
    {
        if (value.IndexOf('\n') < 0)
        {
            Line(CSharp.StringLiteral(value) + suffix);
            return;
        }
        string quotes = new('"', System.Math.Max(3, CSharp.LongestQuoteRun(value) + 1));
        Line(quotes);
        foreach (string line in value.Split('\n')) Line(line);
        Line(quotes + suffix);
    }

    public override string ToString() => text.ToString();
}
