using System;
using System.Collections.Immutable;

namespace Parsec.SearchSpace;

/// <summary>A candidate set: its full name, its own source (helpers, nested types) and each candidate's source.</summary>
/// <param name="FullName">The set's fully qualified name, without <c>global::</c>.</param>
/// <param name="Source">The set's declaration and its members other than candidates.</param>
/// <param name="Candidates">The names of the candidates, in declaration order.</param>
/// <param name="CandidateSources">The full source of each candidate method (attributes stripped), aligned with <paramref name="Candidates"/>.</param>
/// <param name="Parameters">The parameter list every candidate shares, as written (<c>int channels, int stride</c>).</param>
/// <param name="ParameterNames">The parameters' names, to forward them (<c>channels</c>, <c>stride</c>).</param>
public sealed record CandidateSetSource(
    string FullName,
    SourceCapture Source,
    ImmutableArray<string> Candidates,
    ImmutableArray<string> CandidateSources,
    string Parameters,
    ImmutableArray<string> ParameterNames)
{
    /// <summary>Value equality that compares the lists element by element.</summary>
    public bool Equals(CandidateSetSource? other) =>
        other is not null
        && FullName == other.FullName && Source.Equals(other.Source) && Parameters == other.Parameters
        && ParameterNames.AsSpan().SequenceEqual(other.ParameterNames.AsSpan())
        && Candidates.AsSpan().SequenceEqual(other.Candidates.AsSpan())
        && CandidateSources.AsSpan().SequenceEqual(other.CandidateSources.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(FullName, Candidates.Length);
}
