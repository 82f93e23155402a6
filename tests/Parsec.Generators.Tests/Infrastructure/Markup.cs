using Microsoft.CodeAnalysis.Text;

namespace Parsec.Generators.Tests.Infrastructure;

/// <summary>Test sources that mark one expected span as <c>[|...|]</c>.</summary>
internal static class Markup
{
    public static (string Source, TextSpan Span) Parse(string markup)
    {
        int start = markup.IndexOf("[|", System.StringComparison.Ordinal);
        int end = markup.IndexOf("|]", System.StringComparison.Ordinal);
        string source = markup.Remove(end, 2).Remove(start, 2);
        return (source, TextSpan.FromBounds(start, end - 2));
    }
}
