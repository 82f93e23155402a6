using System;
using System.Collections.Generic;
using Parsec.Data;
using Parsec.SearchSpace;

namespace Parsec.Search.BlackBox;

/// <summary>
/// Random search: architectures drawn uniformly from the space without repetition, the best score (less its cost
/// penalty) recommended. Once every architecture of the space has been told it proposes nothing more.
/// </summary>
public sealed class RandomSearch : IBlackBoxStrategy<BlackBoxRecommendation>
{
    private readonly ArchitectureDistribution uniform;
    private readonly ToldScores told = new();
    private SearchRandom? random;

    /// <summary>Creates the search.</summary>
    /// <param name="space">The space to draw from.</param>
    /// <param name="batchSize">How many architectures each <see cref="Ask"/> proposes (to score them in parallel); at least 1. Default 1.</param>
    public RandomSearch(ModelSearchSpace space, int batchSize = 1)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (batchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "Propose at least one architecture per batch: pass 1 or more.");
        Space = space;
        BatchSize = batchSize;
        uniform = new ArchitectureDistribution(space);
    }

    /// <inheritdoc />
    public string Name => "random-search";

    /// <inheritdoc />
    public ModelSearchSpace Space { get; }

    /// <summary>How many architectures each <see cref="Ask"/> proposes.</summary>
    public int BatchSize { get; }

    /// <inheritdoc />
    public void Start(SearchRandom random, CostBudget? cost)
    {
        this.random = random;
        told.Clear();
    }

    /// <summary>Up to <see cref="BatchSize"/> distinct architectures never told, drawn uniformly; fewer when fewer are left.</summary>
    public IReadOnlyList<ModelArchitecture> Ask()
    {
        var draws = random ?? throw new InvalidOperationException("Call Start before Ask.");
        double left = Space.Size - told.Count;
        var batch = new List<ModelArchitecture>();
        var proposed = new HashSet<ModelArchitecture>();
        while (batch.Count < BatchSize && batch.Count < left)
        {
            // Rejection keeps the draw uniform over the architectures not yet told.
            var architecture = uniform.Sample(draws);
            if (!told.Contains(architecture) && proposed.Add(architecture)) batch.Add(architecture);
        }
        return batch;
    }

    /// <inheritdoc />
    public void Tell(IReadOnlyList<ModelArchitecture> architectures, IReadOnlyList<double> scores) => told.Add(architectures, scores);

    /// <summary>The best architecture told.</summary>
    public BlackBoxRecommendation Recommend() => told.BestRecommendation;
}
