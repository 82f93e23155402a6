using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Parsec.Generators.Parsing;

/// <summary>How the generator writes symbols: fully qualified with <c>global::</c> and nullable annotations.</summary>
internal static class SymbolFormats
{
    public static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);
}

/// <summary>Symbol helpers shared by the parsers.</summary>
internal static class Symbols
{
    /// <summary>Orders symbols as declared: by file path, then by position in the file.</summary>
    public static int CompareSourceOrder(ISymbol a, ISymbol b)
    {
        var left = a.Locations.FirstOrDefault();
        var right = b.Locations.FirstOrDefault();
        int byFile = string.CompareOrdinal(left?.SourceTree?.FilePath, right?.SourceTree?.FilePath);
        return byFile != 0 ? byFile : (left?.SourceSpan.Start ?? 0).CompareTo(right?.SourceSpan.Start ?? 0);
    }
}

/// <summary>C# identifiers as the generator writes them.</summary>
internal static class Identifiers
{
    /// <summary>Prefixes a keyword with <c>@</c> so that it can name a parameter or an enum member.</summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
