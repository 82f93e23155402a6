using System;
using System.Collections.Generic;
using System.Linq;
using Parsec.SearchSpace;

namespace Parsec.Search.BlackBox;

/// <summary>
/// Scoring stopped the search: the score function threw, returned the wrong number of scores, or returned NaN or an
/// infinity, or the cost function failed. The message names each architecture concerned (its
/// <see cref="ModelArchitecture.ToString()"/> and readable form) with its query index.
/// </summary>
public sealed class BlackBoxScoreException : Exception
{
    /// <summary>Creates the exception for the queries from <paramref name="queryIndex"/> on of <paramref name="architectures"/>.</summary>
    public BlackBoxScoreException(ModelSearchSpace space, int queryIndex, IReadOnlyList<ModelArchitecture> architectures, string problem, Exception? inner = null)
        : base($"{string.Join("; ", architectures.Select((architecture, i) => $"query {queryIndex + i}: architecture {architecture} ({architecture.ToString(space)})"))}: {problem}", inner)
    {
        QueryIndex = queryIndex;
        Architectures = architectures;
    }

    /// <summary>The query index of the first architecture concerned.</summary>
    public int QueryIndex { get; }

    /// <summary>The architectures concerned: the failing one, or the batch a batch score function failed on.</summary>
    public IReadOnlyList<ModelArchitecture> Architectures { get; }
}
