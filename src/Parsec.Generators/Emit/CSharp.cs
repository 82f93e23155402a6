using System.Collections.Generic;
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

    public static string StringLiteral(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    public static string NullableStringLiteral(string? value) => value is null ? "null" : StringLiteral(value);

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

    /// <summary><c>ImmutableArray.Create&lt;string&gt;("a", "b")</c>, or <c>ImmutableArray&lt;string&gt;.Empty</c>.</summary>
    public static string StringArray(IReadOnlyCollection<string> values) =>
        values.Count == 0
            ? ImmutableArray + "<string>.Empty"
            : ImmutableArray + ".Create<string>(" + string.Join(", ", Quoted(values)) + ")";

    private static IEnumerable<string> Quoted(IEnumerable<string> values)
    {
        foreach (string value in values) yield return StringLiteral(value);
    }
}
