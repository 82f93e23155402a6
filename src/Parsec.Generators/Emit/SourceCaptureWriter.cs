using System.Collections.Generic;
using Parsec.Generators.Model;

namespace Parsec.Generators.Emit;

/// <summary>Writes <c>SourceCapture</c> and string-list expressions, captured source as readable raw strings.</summary>
internal static class SourceCaptureWriter
{
    /// <summary>Writes <c>new SourceCapture(...)</c> after <paramref name="prefix"/> and followed by <paramref name="suffix"/>.</summary>
    public static void Write(IndentedWriter writer, SourceCaptureModel source, string suffix, string prefix = "")
    {
        writer.Line($"{prefix}new {CSharp.SearchSpace}.SourceCapture(");
        writer.Indent();
        writer.Line($"{CSharp.Literal(source.Namespace)},");
        Strings(writer, source.Usings, ",");
        Strings(writer, source.ContainingTypes, ",");
        writer.StringExpression(source.Declaration, ",");
        Strings(writer, source.Members, ")" + suffix);
        writer.Unindent();
    }

    /// <summary>An <c>ImmutableArray&lt;string&gt;</c>: on one line when every item is, else one item per line.</summary>
    public static void Strings(IndentedWriter writer, IReadOnlyList<string> values, string suffix)
    {
        bool multiline = false;
        foreach (string value in values) multiline |= value.IndexOf('\n') >= 0;
        if (!multiline)
        {
            writer.Line($"{CSharp.Strings(values)}{suffix}");
            return;
        }
        writer.Line($"{CSharp.ImmutableArray}.Create<string>(");
        writer.Indent();
        for (int i = 0; i < values.Count; i++)
            writer.StringExpression(values[i], i == values.Count - 1 ? ")" + suffix : ",");
        writer.Unindent();
    }
}
