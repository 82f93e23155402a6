using System.Collections.Generic;
using System.Text;
using Parsec.Generators.Model;

namespace Parsec.Generators.Emit;

/// <summary>Writes generated C# line by line with four-space indentation and \n line endings.</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder text = new();
    private int depth;

    /// <summary>Writes an empty line.</summary>
    public void Line() => text.Append('\n');

    /// <summary>Writes <paramref name="line"/>, indented unless it is empty.</summary>
    public void Line(string line)
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
        text.Append(' ', depth * 4).Append('}').Append(suffix).Append('\n');
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
            Line($"{new Quoted(value)}{suffix}");
            return;
        }
        int quotes = System.Math.Max(3, CSharp.LongestQuoteRun(value) + 1);
        text.Append(' ', depth * 4).Append('"', quotes).Append('\n');
        for (int start = 0; start <= value.Length;)
        {
            int end = value.IndexOf('\n', start);
            if (end < 0) end = value.Length;
            if (end > start) text.Append(' ', depth * 4).Append(value, start, end - start);
            text.Append('\n');
            start = end + 1;
        }
        text.Append(' ', depth * 4).Append('"', quotes).Append(suffix).Append('\n');
    }

    public override string ToString() => text.ToString();
}

/// <summary>A piece of generated source that writes itself, as an interpolated line's hole (through <c>ToString</c>).</summary>
internal interface ISourceText
{
    void AppendTo(StringBuilder text);
}

/// <summary>The text of an <see cref="ISourceText"/>.</summary>
internal static class SourceTexts
{
    public static string Write<T>(T source) where T : ISourceText
    {
        var text = new StringBuilder();
        source.AppendTo(text);
        return text.ToString();
    }
}

/// <summary>A string written as a C# string literal (<c>null</c> for null).</summary>
internal readonly struct Quoted : ISourceText
{
    private readonly string? value;

    public Quoted(string? value) => this.value = value;

    public void AppendTo(StringBuilder text) => CSharp.AppendStringLiteral(text, value);

    public override string ToString() => SourceTexts.Write(this);
}

/// <summary>Strings written as <c>ImmutableArray.Create&lt;string&gt;("a", "b")</c>, or <c>ImmutableArray&lt;string&gt;.Empty</c>.</summary>
internal readonly struct StringArray : ISourceText
{
    private readonly IReadOnlyList<string> values;

    public StringArray(IReadOnlyList<string> values) => this.values = values;

    public void AppendTo(StringBuilder text) => CSharp.AppendStringArray(text, values);

    public override string ToString() => SourceTexts.Write(this);
}

/// <summary>A list written with <c>", "</c> between its items: strings, or candidate parameters' declarations or arguments.</summary>
internal readonly struct Joined : ISourceText
{
    /// <summary>Selects <see cref="CandidateParameterModel.Declaration"/>.</summary>
    public const bool Declarations = false;

    /// <summary>Selects <see cref="CandidateParameterModel.Argument"/>.</summary>
    public const bool Arguments = true;

    private readonly IReadOnlyList<string>? items;
    private readonly IReadOnlyList<CandidateParameterModel>? parameters;
    private readonly bool arguments;

    public Joined(IReadOnlyList<string> items)
    {
        this.items = items;
        parameters = null;
        arguments = false;
    }

    public Joined(IReadOnlyList<CandidateParameterModel> parameters, bool arguments)
    {
        items = null;
        this.parameters = parameters;
        this.arguments = arguments;
    }

    public void AppendTo(StringBuilder text)
    {
        int count = items?.Count ?? parameters?.Count ?? 0;
        for (int i = 0; i < count; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(items is not null ? items[i] : arguments ? parameters![i].Argument : parameters![i].Declaration);
        }
    }

    public override string ToString() => SourceTexts.Write(this);
}

/// <summary>Strings written as further string-literal arguments of a call: <c>, "a", "b"</c>.</summary>
internal readonly struct Arguments : ISourceText
{
    private readonly IReadOnlyList<string> values;

    public Arguments(IReadOnlyList<string> values) => this.values = values;

    public void AppendTo(StringBuilder text)
    {
        foreach (string value in values)
        {
            text.Append(", ");
            CSharp.AppendStringLiteral(text, value);
        }
    }

    public override string ToString() => SourceTexts.Write(this);
}
