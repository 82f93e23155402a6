using System.Collections.Generic;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Parsec.Generators.Emit;

/// <summary>Small pieces of C# syntax the emitters write.</summary>
internal static class CSharp
{
    public const string Tensor = "global::TorchSharp.torch.Tensor";
    public const string TensorModule = "global::TorchSharp.torch.nn.Module<global::TorchSharp.torch.Tensor, global::TorchSharp.torch.Tensor>";
    public const string ImmutableArray = "global::System.Collections.Immutable.ImmutableArray";
    public const string SearchSpace = "global::Parsec.SearchSpace";
    public const string InvalidOperation = "global::System.InvalidOperationException";
    public const string Argument = "global::System.ArgumentException";

    /// <summary>
    /// The attribute on every type the generator declares itself (the typed architecture and its enums), with the
    /// generator's version: its informational version without build metadata (<c>0.1.0</c>). Not on the partial
    /// declarations of the user's cells and models, where it would merge into the user's own type and mark all of the
    /// user's code as generated, which analyzers then skip.
    /// </summary>
    public static readonly string GeneratedCode =
        "[global::System.CodeDom.Compiler.GeneratedCode(\"Parsec.Generators\", \"" + GeneratorVersion() + "\")]";

    public static string StringLiteral(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary><paramref name="value"/> to be written as a C# string literal in an interpolated line.</summary>
    public static Quoted Literal(string? value) => new(value);

    /// <summary><paramref name="values"/> to be written as an <c>ImmutableArray&lt;string&gt;</c> in an interpolated line.</summary>
    public static StringArray Strings(IReadOnlyList<string> values) => new(values);

    /// <summary>
    /// Appends <paramref name="value"/> as <see cref="StringLiteral"/> writes it (<c>null</c> for null): printable ASCII
    /// without quotes or backslashes needs no escaping and is copied as it is.
    /// </summary>
    public static void AppendStringLiteral(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("null");
            return;
        }
        foreach (char c in value)
        {
            if (c < ' ' || c > '~' || c == '"' || c == '\\')
            {
                text.Append(StringLiteral(value));
                return;
            }
        }
        text.Append('"').Append(value).Append('"');
    }

    /// <summary>Appends <c>ImmutableArray.Create&lt;string&gt;("a", "b")</c>, or <c>ImmutableArray&lt;string&gt;.Empty</c>.</summary>
    public static void AppendStringArray(StringBuilder text, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            text.Append(ImmutableArray).Append("<string>.Empty");
            return;
        }
        text.Append(ImmutableArray).Append(".Create<string>(");
        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0) text.Append(", ");
            AppendStringLiteral(text, values[i]);
        }
        text.Append(')');
    }

    /// <summary>The longest run of double quotes in <paramref name="value"/>, which a raw string's delimiter must exceed.</summary>
    public static int LongestQuoteRun(string value)
    {
        int longest = 0, run = 0;
        foreach (char c in value)
        {
            run = c == '"' ? run + 1 : 0;
            if (run > longest) longest = run;
        }
        return longest;
    }

    private static string GeneratorVersion()
    {
        var assembly = typeof(CSharp).Assembly;
        string? version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString();
        if (version is null) return "0.0.0";
        int metadata = version.IndexOf('+');
        return metadata < 0 ? version : version.Substring(0, metadata);
    }
}
