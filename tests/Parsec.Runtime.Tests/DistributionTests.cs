using System;
using System.Collections.Generic;
using System.Linq;
using Parsec.Data;
using Parsec.Runtime.Tests.TestCells;
using Parsec.Search;
using Parsec.SearchSpace;
using Xunit;

namespace Parsec.Runtime.Tests;

/// <summary>The prior's probabilities, ranking and entropy against enumeration of all 216 architectures.</summary>
public sealed class DistributionTests
{
    [Fact]
    public void ProbabilitiesSumToOneAndTheRankingIsExact()
    {
        var distribution = RandomDistribution(seed: 1);
        var all = distribution.MostProbable(int.MaxValue);
        var space = distribution.Space;

        Assert.Equal(space.Size, all.Count);
        Assert.Equal(all.Count, all.Select(r => r.Architecture).Distinct().Count());
        Assert.Equal(1.0, all.Sum(r => Math.Exp(r.Score)), 9);
        foreach (var ranked in all) Assert.Equal(distribution.LogProbability(ranked.Architecture), ranked.Score, 9);

        var byBruteForce = all.OrderByDescending(r => distribution.LogProbability(r.Architecture)).Take(10).Select(r => r.Score);
        Assert.Equal(byBruteForce, distribution.MostProbable(10).Select(r => r.Score), new Close(1e-12));
        Assert.Equal(all[0].Architecture, distribution.Mode());
        Assert.Equal(-all.Sum(r => Math.Exp(r.Score) * r.Score), distribution.Entropy(), 9);
    }

    [Fact]
    public void SamplingFollowsTheProbabilities()
    {
        var distribution = RandomDistribution(seed: 2);
        var random = new SearchRandom(4);
        const int draws = 40_000;
        var counts = Enumerable.Range(0, draws).Select(_ => distribution.Sample(random))
            .GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count());
        foreach (var ranked in distribution.MostProbable(5))
        {
            double expected = Math.Exp(ranked.Score);
            double observed = counts.GetValueOrDefault(ranked.Architecture) / (double)draws;
            // Five binomial standard deviations.
            Assert.InRange(observed, expected - 5 * Math.Sqrt(expected / draws), expected + 5 * Math.Sqrt(expected / draws));
        }
    }

    internal static ArchitectureDistribution RandomDistribution(long seed)
    {
        var distribution = new ArchitectureDistribution(ModelSearchSpace.Of(TestModel.Enumerable(4, 2)));
        var random = new SearchRandom(seed);
        foreach (var choice in distribution.Choices.SelectMany(g => g))
            choice.SetLogits(Enumerable.Range(0, choice.Rows * choice.Width).Select(_ => random.NextGaussian()).ToArray());
        return distribution;
    }

    private sealed class Close(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
