using System.Text;

namespace Parsec.Generators.Emit;

/// <summary>Writes generated C# line by line with four-space indentation and \n line endings.</summary>
/// <remarks>
/// A generated cell runs to tens of kilobytes, so the writer reuses one large buffer per thread (see
/// <see cref="Rent"/> and <see cref="ToStringAndRelease"/>) rather than growing a new one for every file.
/// </remarks>
internal sealed class IndentedWriter
{
    private const int InitialCapacity = 64 * 1024;
    private const int MaxPooledCapacity = 1024 * 1024;

    [System.ThreadStatic]
    private static StringBuilder? pooled;

    private readonly StringBuilder text;
    private int depth;

    public IndentedWriter() : this(new StringBuilder(InitialCapacity))
    {
    }

    private IndentedWriter(StringBuilder text) => this.text = text;

    /// <summary>A writer over this thread's pooled buffer; finish it with <see cref="ToStringAndRelease"/>.</summary>
    public static IndentedWriter Rent()
    {
        var buffer = pooled ?? new StringBuilder(InitialCapacity);
        pooled = null;
        return new IndentedWriter(buffer.Clear());
    }

    /// <summary>The text written, after which the buffer goes back to the pool and the writer must not be used.</summary>
    public string ToStringAndRelease()
    {
        string result = text.ToString();
        if (text.Capacity <= MaxPooledCapacity) pooled = text.Clear();
        return result;
    }

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
