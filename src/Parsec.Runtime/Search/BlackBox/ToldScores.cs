using System;
using System.Collections.Generic;
using Parsec.SearchSpace;

namespace Parsec.Search.BlackBox;

/// <summary>What a black-box strategy has been told in the current run: each architecture's score and the best one.</summary>
internal sealed class ToldScores
{
    private readonly Dictionary<ModelArchitecture, double> scores = new();

    /// <summary>How many distinct architectures have been told.</summary>
    public int Count => scores.Count;

    /// <summary>The best architecture told and its score; the earliest wins a tie.</summary>
    public RankedArchitecture Best => best ?? throw new InvalidOperationException(
        "Nothing has been scored yet: run the strategy (BlackBoxSearch.Run) before asking for its recommendation.");

    private RankedArchitecture? best;

    /// <summary>The best architecture told, as a recommendation.</summary>
    public BlackBoxRecommendation BestRecommendation => new(Best.Architecture, Best.Score);

    /// <summary>Records a told batch; a retold architecture keeps its latest score.</summary>
    public void Add(IReadOnlyList<ModelArchitecture> architectures, IReadOnlyList<double> told)
    {
        if (architectures.Count != told.Count)
            throw new ArgumentException($"{architectures.Count} architectures but {told.Count} scores.", nameof(told));
        for (int i = 0; i < architectures.Count; i++)
        {
            scores[architectures[i]] = told[i];
            if (best is null || told[i] > best.Score) best = new RankedArchitecture(architectures[i], told[i]);
        }
    }

    /// <summary>Whether <paramref name="architecture"/> has been told.</summary>
    public bool Contains(ModelArchitecture architecture) => scores.ContainsKey(architecture);

    /// <summary>The score told for <paramref name="architecture"/>, or null.</summary>
    public double? ScoreOf(ModelArchitecture architecture) => scores.TryGetValue(architecture, out double score) ? score : null;

    /// <summary>Forgets everything, for a new run.</summary>
    public void Clear()
    {
        scores.Clear();
        best = null;
    }
}
