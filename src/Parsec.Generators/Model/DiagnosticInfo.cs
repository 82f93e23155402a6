using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Parsec.Generators.Model;

/// <summary>
/// A source location as its tree and span, turned back into a <see cref="Location"/> in that tree when reported, so
/// that <c>#pragma warning disable</c> and editorconfig severities apply to it. The tree compares by reference: an
/// edit of another file keeps it, so a cell's diagnostics stay equal. Diagnostics travel in their own pipeline step,
/// never in a model that is emitted.
/// </summary>
internal sealed record LocationInfo(SyntaxTree Tree, TextSpan Span)
{
    public Location ToLocation() => Location.Create(Tree, Span);

    public static LocationInfo? From(Location? location) =>
        location is { IsInSource: true } && location.SourceTree is { } tree ? new LocationInfo(tree, location.SourceSpan) : null;

    public static LocationInfo? From(SyntaxNode? node) => node is null ? null : new LocationInfo(node.SyntaxTree, node.Span);

    public static LocationInfo? From(SyntaxToken token) => token.SyntaxTree is { } tree ? new LocationInfo(tree, token.Span) : null;
}

/// <summary>A diagnostic as plain values, so that parse results stay equatable.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor, location, new EquatableArray<string>(arguments));

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location?.ToLocation(), Arguments.Cast<object>().ToArray());
}
