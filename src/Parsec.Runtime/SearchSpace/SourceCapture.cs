using System;
using System.Collections.Immutable;

namespace Parsec.SearchSpace;

/// <summary>
/// The source of a user type as the generator saw it, in pieces the exporter can reassemble into plain C#.
/// Attributes are stripped; everything else is verbatim.
/// </summary>
/// <param name="Namespace">The namespace, or null for the global namespace.</param>
/// <param name="Usings">The using directives of the declaring files, each a full line (<c>using TorchSharp;</c>).</param>
/// <param name="ContainingTypes">Declarations of the containing types, outermost first (<c>public static partial class Outer</c>).</param>
/// <param name="Declaration">The type's declaration line without attributes (<c>public sealed partial class Cell : Module&lt;Tensor, Tensor&gt;</c>).</param>
/// <param name="Members">The source of every member that is not a choice declaration or a candidate, in order, with leading comments.</param>
public sealed record SourceCapture(
    string? Namespace,
    ImmutableArray<string> Usings,
    ImmutableArray<string> ContainingTypes,
    string Declaration,
    ImmutableArray<string> Members)
{
    /// <summary>Value equality that compares the lists element by element.</summary>
    public bool Equals(SourceCapture? other) =>
        other is not null
        && Namespace == other.Namespace && Declaration == other.Declaration
        && Usings.AsSpan().SequenceEqual(other.Usings.AsSpan())
        && ContainingTypes.AsSpan().SequenceEqual(other.ContainingTypes.AsSpan())
        && Members.AsSpan().SequenceEqual(other.Members.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Namespace, Declaration, Members.Length);
}
