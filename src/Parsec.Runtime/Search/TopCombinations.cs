using System;
using System.Collections.Generic;
using System.Linq;

namespace Parsec.Search;

/// <summary>
/// The exact <c>n</c> most probable combinations of independent factors: merging factor by factor and keeping the
/// best <c>n</c> partial products is exact, because a combination in the joint top <c>n</c> has every prefix in
/// the prefix's top <c>n</c>.
/// </summary>
internal static class TopCombinations
{
    /// <summary>The best <paramref name="count"/> combinations, best first; each factor lists items with log-probabilities.</summary>
    public static List<(T[] Parts, double LogProbability)> Best<T>(
        IReadOnlyList<IReadOnlyList<(T Item, double LogProbability)>> factors, int count)
    {
        var best = new List<(T[] Parts, double LogProbability)> { (Array.Empty<T>(), 0.0) };
        foreach (var factor in factors)
        {
            var top = factor.OrderByDescending(entry => entry.LogProbability).Take(count).ToList();
            best = best
                .SelectMany(prefix => top.Select(entry => (Parts: prefix.Parts.Append(entry.Item).ToArray(),
                    LogProbability: prefix.LogProbability + entry.LogProbability)))
                .OrderByDescending(combination => combination.LogProbability)
                .Take(count)
                .ToList();
        }
        return best;
    }
}
