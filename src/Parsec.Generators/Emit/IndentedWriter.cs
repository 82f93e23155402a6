using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using Parsec.Generators.Model;

namespace Parsec.Generators.Emit;

/// <summary>Writes generated C# line by line with four-space indentation and \n line endings.</summary>
/// <remarks>
/// A generated cell runs to tens of kilobytes, so the writer reuses one large buffer per thread (see
/// <see cref="Rent"/> and <see cref="ToStringAndRelease"/>) rather than growing a new one for every file, and an
/// interpolated line (<c>writer.Line($"private {type} {name};")</c>) is appended piece by piece through
/// <see cref="LineHandler"/>, without building the line as a string first.
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

    /// <summary>Writes an empty line.</summary>
    public void Line() => text.Append('\n');

    /// <summary>Writes <paramref name="line"/>, indented unless it is empty.</summary>
    public void Line(string line)
    {
        if (line.Length > 0) text.Append(' ', depth * 4).Append(line);
        text.Append('\n');
    }

    /// <summary>Writes an interpolated line, which <paramref name="line"/> has already appended, indented unless it is empty.</summary>
    public void Line([InterpolatedStringHandlerArgument("")] LineHandler line) => text.Append('\n');

    /// <summary>Writes <paramref name="header"/> (if any) and an opening brace, and indents.</summary>
    public void Open(string? header = null)
    {
        if (header is not null) Line(header);
        Line("{");
        depth++;
    }

    /// <summary>Writes an interpolated header and an opening brace, and indents.</summary>
    public void Open([InterpolatedStringHandlerArgument("")] LineHandler header)
    {
        text.Append('\n');
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

    /// <summary>
    /// Appends an interpolated line straight to the writer's buffer: literal parts, strings and numbers as they are,
    /// <see cref="ISourceText"/> values as they write themselves. The indentation goes before the first non-empty part.
    /// </summary>
    [InterpolatedStringHandler]
    public ref struct LineHandler
    {
        private readonly StringBuilder text;
        private readonly int indentation;
        private bool started;

        public LineHandler(int literalLength, int formattedCount, IndentedWriter writer)
        {
            text = writer.text;
            indentation = writer.depth * 4;
            started = false;
        }

        public void AppendLiteral(string value)
        {
            if (value.Length == 0) return;
            Start().Append(value);
        }

        public void AppendFormatted(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            Start().Append(value);
        }

        public void AppendFormatted(int value) => Start().Append(value);

        public void AppendFormatted<T>(T value) where T : ISourceText => value.AppendTo(Start());

        private StringBuilder Start()
        {
            if (!started)
            {
                started = true;
                text.Append(' ', indentation);
            }
            return text;
        }
    }
}

/// <summary>A piece of generated source that writes itself into an interpolated line (see <see cref="IndentedWriter.LineHandler"/>).</summary>
internal interface ISourceText
{
    void AppendTo(StringBuilder text);
}

/// <summary>A string written as a C# string literal (<c>null</c> for null).</summary>
internal readonly struct Quoted : ISourceText
{
    private readonly string? value;

    public Quoted(string? value) => this.value = value;

    public void AppendTo(StringBuilder text) => CSharp.AppendStringLiteral(text, value);
}

/// <summary>Strings written as <c>ImmutableArray.Create&lt;string&gt;("a", "b")</c>, or <c>ImmutableArray&lt;string&gt;.Empty</c>.</summary>
internal readonly struct StringArray : ISourceText
{
    private readonly IReadOnlyList<string> values;

    public StringArray(IReadOnlyList<string> values) => this.values = values;

    public void AppendTo(StringBuilder text) => CSharp.AppendStringArray(text, values);
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
}
