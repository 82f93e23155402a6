using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Parsec.Persistence;
using Parsec.Samples.FashionMnist;
using Parsec.SearchSpace;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>What the default run measured, as <c>metrics.json</c> holds it.</summary>
/// <param name="Cell">The chosen cell.</param>
/// <param name="Parameters">Its parameters (the exported network's).</param>
/// <param name="RetrainedAccuracy">The exported class's test accuracy after this run's retraining, in percent.</param>
/// <param name="TableAccuracy">The cell's accuracy in the table, when the table has it.</param>
/// <param name="Percentile">The share of the table's random cells the retrained accuracy beats, in percent.</param>
/// <param name="RandomCells">The table's random cells' accuracies.</param>
/// <param name="TauAll">Kendall τ of this run's supernet's ranking of the table's random cells against their accuracy.</param>
/// <param name="TauConnected">The same over the connected ones.</param>
/// <param name="SearchSeconds">The search's time.</param>
/// <param name="RetrainSeconds">The retraining's time.</param>
/// <param name="TotalSeconds">The whole run's time.</param>
public sealed record RunSummary(string Cell, long Parameters, double RetrainedAccuracy, double? TableAccuracy, double Percentile, Spread RandomCells,
    double TauAll, double TauConnected, double SearchSeconds, double RetrainSeconds, double TotalSeconds);

/// <summary>The default run's figures against the table: metrics.json, report.md and plots/pareto.png.</summary>
public static class RunReport
{
    public static RunSummary Summarise(SearchRecord record, NasBench201CellArchitecture cell, CellTraining retrained, NasBench201Table table,
        CellRecipe recipe, Splits data, string output, double totalSeconds)
    {
        var randomRows = TablePlan.RandomCells(TablePlan.CommittedRandomCells, TablePlan.SampleSeed)
            .Select(random => table.TryGet(random, out var row) ? row : null).OfType<NasBench201Row>().ToList();
        if (randomRows.Count < 2)
            throw new InvalidDataException($"{table.Path} holds {randomRows.Count} of the {TablePlan.CommittedRandomCells} random cells of the table command's default plan: pass the committed table with --table.");
        var randomAccuracies = randomRows.Select(row => row.Accuracy).ToList();
        using var network = recipe.CreateNetwork();
        network.load(Path.Combine(output, record.Supernet));
        var losses = SupernetTau.Losses(ModelSearchSpace.Of(network), randomRows, data.HeldOut);
        long parameters = recipe.Parameters(cell);
        double accuracy = 100 * retrained.Accuracy;

        ParetoPlot.Write(table, recipe, new Dictionary<string, IReadOnlyList<(long, double)>> { ["this run's cell, retrained"] = [(parameters, accuracy)] },
            record.MaxParameters, output);
        return new RunSummary(record.Recommended, parameters, accuracy, table.TryGet(cell, out var known) ? known.Accuracy : null,
            Comparison.Percentile(accuracy, randomAccuracies), Spread.Of(randomAccuracies),
            SupernetTau.Tau(randomRows, losses, connectedOnly: false), SupernetTau.Tau(randomRows, losses, connectedOnly: true),
            record.Seconds, retrained.Seconds, totalSeconds);
    }

    /// <summary>Writes metrics.json and report.md into <paramref name="output"/>.</summary>
    public static void Write(RunSummary summary, string output)
    {
        SampleJson.Write(Path.Combine(output, "metrics.json"), summary);
        AtomicFile.Write(Path.Combine(output, "report.md"), stream => stream.Write(Encoding.UTF8.GetBytes(
            "# PARSEC on NAS-Bench-201's cell space, Fashion-MNIST\n\n" + Markdown(summary) + "\n![cells by parameters and accuracy](plots/pareto.png)\n")));
    }

    public static string Markdown(RunSummary summary) => string.Create(CultureInfo.InvariantCulture, $"""
        | figure | value |
        |---|---|
        | chosen cell | `{ComparisonReport.EscapeBars(summary.Cell)}` |
        | parameters | {summary.Parameters:N0} |
        | test accuracy, exported class retrained from scratch | {summary.RetrainedAccuracy:F2}% |
        | the same cell in the table | {(summary.TableAccuracy is double known ? $"{known:F2}%" : "not in the table")} |
        | the table's {summary.RandomCells.N} random cells | mean {summary.RandomCells.Mean:F2}%, sd {summary.RandomCells.Std:F2}, best {summary.RandomCells.Max:F2}% |
        | retrained cell beats | {summary.Percentile:F0}% of them |
        | supernet's ranking of them (Kendall τ; connected only) | {summary.TauAll:+0.00;-0.00} ; {summary.TauConnected:+0.00;-0.00} |
        | search / retraining / total | {summary.SearchSeconds:F0} s / {summary.RetrainSeconds:F0} s / {summary.TotalSeconds:F0} s |

        """);
}
