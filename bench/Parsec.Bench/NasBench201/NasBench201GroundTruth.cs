using System;
using System.Collections.Generic;
using System.Linq;
using Parsec.Data;
using Parsec.Samples.NasBench201;
using Parsec.SearchSpace;

namespace Parsec.Bench.NasBench201;

/// <summary>
/// A NAS-Bench-201 table seen from the search: each cell of <see cref="Space"/> with its true accuracy and parameter
/// count (<see cref="NasBench201Parameters.Count"/> at the benchmark's N = 5, C = 16), and the figures a
/// recommendation is judged by, among all cells or, with a parameter budget, among the cells within it.
/// </summary>
public sealed class NasBench201GroundTruth
{
    /// <summary>The share of the eligible cells that counts as the top.</summary>
    private const double TopShare = 0.01;

    /// <summary>Added to a run's seed for its perturbation, so that the noise is not the strategies' own stream of draws.</summary>
    private const long NoiseSeedOffset = 1_000_000_007;

    private readonly Dictionary<ModelArchitecture, int> rowOf;
    private readonly double[] accuracy;
    private readonly long[] parameters;
    private readonly double topThreshold;

    public NasBench201GroundTruth(NasBench201Table table, long? maxParameters)
    {
        Space = ModelSearchSpace.OfCells(NasBench201Cell.Space);
        var rows = table.Rows;
        rowOf = rows.Select((row, index) => (Architecture: NasBench201Architecture.ToModelArchitecture(Space, row.Architecture), index))
            .ToDictionary(entry => entry.Architecture, entry => entry.index);
        accuracy = rows.Select(row => row.Accuracy).ToArray();
        parameters = rows.Select(row => NasBench201Parameters.Count(row.Architecture)).ToArray();
        MaxParameters = maxParameters;
        Optimum = table.Optimum.Accuracy;

        var eligible = Enumerable.Range(0, rows.Length).Where(IsEligible).Select(row => accuracy[row]).OrderDescending().ToArray();
        if (eligible.Length == 0)
            throw new ArgumentException(
                $"no cell of the table has at most {maxParameters:N0} parameters; the smallest has {parameters.Min():N0}: pass a larger --max-parameters.");
        EligibleOptimum = eligible[0];
        topThreshold = eligible[(int)Math.Ceiling(TopShare * eligible.Length) - 1];
    }

    /// <summary>The model-less space of one NAS-Bench-201 cell, which the strategies search.</summary>
    public ModelSearchSpace Space { get; }

    /// <summary>The parameter budget, or null.</summary>
    public long? MaxParameters { get; }

    /// <summary>The table's best accuracy.</summary>
    public double Optimum { get; }

    /// <summary>The best accuracy among the cells within the budget (<see cref="Optimum"/> without one): regret is measured from it.</summary>
    public double EligibleOptimum { get; }

    /// <summary>The parameter count of the largest cell of the table.</summary>
    public long LargestParameters => parameters.Max();

    /// <summary>The true accuracy of <paramref name="architecture"/>.</summary>
    public double AccuracyOf(ModelArchitecture architecture) => accuracy[Row(architecture)];

    /// <summary>The parameter count of <paramref name="architecture"/>.</summary>
    public long ParametersOf(ModelArchitecture architecture) => parameters[Row(architecture)];

    /// <summary>Whether <paramref name="architecture"/> is within the budget (always, without one).</summary>
    public bool IsWithinBudget(ModelArchitecture architecture) => IsEligible(Row(architecture));

    /// <summary>
    /// Whether <paramref name="architecture"/> is within the budget and among the best 1% (rounded up) of the cells
    /// within it; a cell as accurate as the last of them counts too.
    /// </summary>
    public bool IsTop(ModelArchitecture architecture) => IsWithinBudget(architecture) && AccuracyOf(architecture) >= topThreshold;

    /// <summary>
    /// The score function of one seed: each cell's accuracy plus <paramref name="noise"/> times a standard normal drawn
    /// for that cell from <paramref name="seed"/>, so a cell queried twice in the run scores the same, and every
    /// strategy of the seed sees the same perturbation.
    /// </summary>
    public Func<ModelArchitecture, double> NoisyScore(long seed, double noise)
    {
        var random = new SearchRandom(seed + NoiseSeedOffset);
        var perturbation = accuracy.Select(_ => noise * random.NextGaussian()).ToArray();
        return architecture =>
        {
            int row = Row(architecture);
            return accuracy[row] + perturbation[row];
        };
    }

    private bool IsEligible(int row) => MaxParameters is not { } budget || parameters[row] <= budget;

    private int Row(ModelArchitecture architecture) =>
        rowOf.TryGetValue(architecture, out int row)
            ? row
            : throw new KeyNotFoundException($"the table has no row for {architecture}; load it with every cell of the space.");
}
