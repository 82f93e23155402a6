using System;
using System.Collections.Generic;
using System.Linq;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>What one search's recommendation and supernet measured against the table.</summary>
/// <param name="Strategy">parsec, random or darts.</param>
/// <param name="Seed">The search's seed.</param>
/// <param name="Budgeted">Searched and recommended under the parameter budget.</param>
/// <param name="Cell">The recommended cell.</param>
/// <param name="Parameters">Its parameters in the recipe's network.</param>
/// <param name="Accuracy">Its accuracy trained alone (percent), or null when the table lacks it.</param>
/// <param name="Percentile">The share of the random cells it beats (ties count half), in percent.</param>
/// <param name="MarginInNoise">(accuracy − the random cells' mean) / the recipe's noise.</param>
/// <param name="TauAll">Kendall τ of the supernet's ranking of the random cells against their accuracy.</param>
/// <param name="TauConnected">The same over the connected random cells.</param>
/// <param name="Seconds">The search's time.</param>
/// <param name="FrontGap">Under the budget: the best table accuracy within the budget minus this one.</param>
public sealed record RunFigures(string Strategy, long Seed, bool Budgeted, string Cell, long Parameters, double? Accuracy, double? Percentile,
    double? MarginInNoise, double TauAll, double TauConnected, double Seconds, double? FrontGap);

/// <summary>One strategy's runs summarised over seeds.</summary>
public sealed record StrategyFigures(string Strategy, bool Budgeted, Spread? Accuracy, Spread? Percentile, Spread? MarginInNoise,
    Spread TauAll, Spread TauConnected, Spread Seconds, Spread? FrontGap, int InTopTenth, int BeyondThreeNoise, int SkipOnly);

/// <summary>The comparison's figures, as <c>metrics.json</c> holds them.</summary>
/// <param name="Recipe">The table's recipe.</param>
/// <param name="RandomCells">The table's uniformly random cells' accuracies (percent).</param>
/// <param name="Noise">The recipe's noise: the standard deviation of one training's accuracy, from cells trained twice.</param>
/// <param name="NoisePairs">Cells trained twice.</param>
/// <param name="BudgetParameters">The parameter budget: half the space's largest network.</param>
/// <param name="ConstrainedFront">The best accuracy in the table within the budget.</param>
public sealed record ComparisonFigures(string Recipe, Spread RandomCells, double RandomTopTenth, double Noise, int NoisePairs,
    long BudgetParameters, double ConstrainedFront, IReadOnlyList<RunFigures> Runs, IReadOnlyList<StrategyFigures> Strategies);

/// <summary>Sets searches' recommendations and supernet rankings against a ground-truth table.</summary>
public static class Comparison
{
    /// <summary>
    /// The recipe's noise: √(Σ (a − b)² / 2n) over cells trained with two seeds, the standard deviation of one training.
    /// </summary>
    /// <exception cref="ArgumentException">No cell of <paramref name="repeats"/> is in <paramref name="table"/>.</exception>
    public static (double Noise, int Pairs) Noise(NasBench201Table table, NasBench201Table repeats)
    {
        var differences = repeats.Rows.Where(row => table.TryGet(row.Architecture, out _))
            .Select(row => row.Accuracy - table[row.Architecture].Accuracy).ToList();
        if (differences.Count == 0)
            throw new ArgumentException($"No cell of {repeats.Path} is in {table.Path}: train some of the table's cells again with --repeats.");
        return (Math.Sqrt(differences.Sum(d => d * d) / (2.0 * differences.Count)), differences.Count);
    }

    /// <summary>The share of <paramref name="others"/> below <paramref name="value"/>, ties counting half, in percent.</summary>
    public static double Percentile(double value, IReadOnlyCollection<double> others) =>
        100.0 * others.Sum(other => other < value ? 1.0 : other == value ? 0.5 : 0.0) / others.Count;

    /// <summary>Whether every edge is <c>skip_connect</c> or <c>none</c>: the collapse DARTS is known for on this space.</summary>
    public static bool IsParameterFree(NasBench201CellArchitecture cell) =>
        NasBench201Architecture.Edges(cell).All(edge => edge is NasBench201CellArchitecture.NasBench201OpsCandidate.SkipConnect
            or NasBench201CellArchitecture.NasBench201OpsCandidate.None);

    /// <summary>The best accuracy of the table's cells of at most <paramref name="maxParameters"/> parameters.</summary>
    public static double ConstrainedFront(NasBench201Table table, long maxParameters, Func<NasBench201CellArchitecture, long> parameters) =>
        table.Rows.Where(row => parameters(row.Architecture) <= maxParameters).Select(row => row.Accuracy).DefaultIfEmpty(double.NaN).Max();

    /// <summary>Summarises the runs of each strategy (and budget) over their seeds.</summary>
    public static IReadOnlyList<StrategyFigures> Summarise(IReadOnlyList<RunFigures> runs, double randomTopTenth) =>
        runs.GroupBy(run => (run.Strategy, run.Budgeted)).Select(group =>
        {
            var list = group.ToList();
            Spread? Of(Func<RunFigures, double?> figure) =>
                list.Select(figure).OfType<double>().ToList() is { Count: > 0 } values ? Spread.Of(values) : null;
            return new StrategyFigures(group.Key.Strategy, group.Key.Budgeted, Of(run => run.Accuracy), Of(run => run.Percentile),
                Of(run => run.MarginInNoise), Spread.Of(list.Select(run => run.TauAll).ToList()),
                Spread.Of(list.Select(run => run.TauConnected).ToList()), Spread.Of(list.Select(run => run.Seconds).ToList()),
                Of(run => run.FrontGap),
                list.Count(run => run.Accuracy >= randomTopTenth), list.Count(run => run.MarginInNoise > 3),
                list.Count(run => IsParameterFree(NasBench201Architecture.Parse(run.Cell))));
        }).ToList();

    /// <summary>The accuracy that 90% of <paramref name="accuracies"/> lie below (nearest rank).</summary>
    public static double TopTenthThreshold(IReadOnlyList<double> accuracies)
    {
        var sorted = accuracies.OrderBy(value => value).ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(0.9 * sorted.Count) - 1)];
    }
}
