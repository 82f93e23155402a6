using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Parsec.Persistence;
using Parsec.Search;

namespace Parsec.Samples.FashionMnist;

/// <summary>Writes <c>report.md</c>: the figures, the chosen architecture, each choice's probabilities and the plots.</summary>
public static class Report
{
    public static void Write(RunSummary summary, SearchResult search, string exportedSource, IReadOnlyList<string> plots, string path)
    {
        var text = new StringBuilder();
        string Percent(double value) => (100 * value).ToString("F2", CultureInfo.InvariantCulture) + "%";
        string Seconds(double value) => value.ToString("F0", CultureInfo.InvariantCulture) + " s";

        text.AppendLine("# Parsec on Fashion-MNIST");
        text.AppendLine();
        text.AppendLine($"Budget `{summary.Budget}`, seed {summary.Seed}, K = {summary.Samples} samples per step.");
        text.AppendLine();
        text.AppendLine("| figure | value |");
        text.AppendLine("|---|---|");
        text.AppendLine($"| test accuracy of the retrained winner | {Percent(summary.TestAccuracy)} |");
        text.AppendLine($"| parameters of the exported model | {summary.Parameters:N0} |");
        text.AppendLine($"| search | {Seconds(summary.SearchSeconds)} |");
        text.AppendLine($"| retraining | {Seconds(summary.RetrainSeconds)} |");
        text.AppendLine($"| whole run | {Seconds(summary.TotalSeconds)} |");
        if (summary.RandomAccuracies is { Count: > 0 } random)
        {
            text.AppendLine($"| {random.Count} random architectures, mean | {Percent(random.Average())} |");
            text.AppendLine($"| {random.Count} random architectures, best | {Percent(random.Max())} |");
            text.AppendLine($"| Kendall τ: the search's ranking of these cells (loss on its shared weights) against their retrained accuracy | {SupernetRanking.Format(summary.RankAgreement)} |");
        }
        text.AppendLine();
        text.AppendLine("## The winner");
        text.AppendLine();
        foreach (string line in ChoiceNames.Lines(search.Best, search.Space))
            text.AppendLine($"* `{line}`");
        text.AppendLine();
        text.AppendLine($"Exported to `{exportedSource}`: plain TorchSharp, no reference to Parsec. The retrained weights are in");
        text.AppendLine($"`{summary.RetrainedWeights}`; ship both, and load the weights into `{summary.ShippedConstructor}`.");
        text.AppendLine();
        text.AppendLine("## What the distribution learned");
        text.AppendLine();
        text.AppendLine("| choice | most probable | probability | entropy (nats) |");
        text.AppendLine("|---|---|---|---|");
        foreach (var choice in search.Choices)
        {
            var first = choice.Probabilities[0];
            int best = Enumerable.Range(0, first.Length).MaxBy(option => first[option]);
            text.AppendLine($"| {ChoiceNames.Of(choice)} | {choice.Options[best]} | {first[best]:F3} | {choice.Entropy:F3} |");
        }
        text.AppendLine();
        text.AppendLine("## Plots");
        text.AppendLine();
        foreach (string plot in plots)
            text.AppendLine($"![{plot}]({plot.Replace('\\', '/')})");
        AtomicFile.Write(path, stream => stream.Write(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
