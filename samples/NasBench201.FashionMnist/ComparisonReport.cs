using System.Globalization;
using System.Linq;
using System.Text;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>The comparison as Markdown: the figures a README quotes, each run's line below them.</summary>
public static class ComparisonReport
{
    public static string Markdown(ComparisonFigures figures)
    {
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        string Show(Spread? spread, string format) => spread is null ? "–" : spread.N == 1 ? spread.Mean.ToString(format, CultureInfo.InvariantCulture)
            : $"{spread.Mean.ToString(format, CultureInfo.InvariantCulture)} ± {spread.Std.ToString(format, CultureInfo.InvariantCulture)}";
        var random = figures.RandomCells;
        Line($"Recipe: {figures.Recipe}.");
        Line(string.Create(CultureInfo.InvariantCulture,
            $"Random cells: n = {random.N}, mean {random.Mean:F2}%, sd {random.Std:F2}, best {random.Max:F2}%, top 10% from {figures.RandomTopTenth:F2}%."));
        Line(string.Create(CultureInfo.InvariantCulture,
            $"Recipe noise (one training's sd, from {figures.NoisePairs} cells trained twice): {figures.Noise:F2} points; 3 × noise = {3 * figures.Noise:F2}."));
        Line(string.Create(CultureInfo.InvariantCulture,
            $"Parameter budget {figures.BudgetParameters:N0}; best table cell within it: {figures.ConstrainedFront:F2}%."));
        Line("");
        Line("| strategy | runs | accuracy % | percentile | margin (noise units) | τ all | τ connected | top 10% | > 3 noise | skip/none only | gap to front | search s |");
        Line("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var strategy in figures.Strategies)
            Line($"| {strategy.Strategy}{(strategy.Budgeted ? " (budget)" : "")} | {strategy.TauAll.N} | {Show(strategy.Accuracy, "F2")} | {Show(strategy.Percentile, "F0")} | " +
                 $"{Show(strategy.MarginInNoise, "F1")} | {Show(strategy.TauAll, "F2")} | {Show(strategy.TauConnected, "F2")} | {strategy.InTopTenth}/{strategy.TauAll.N} | " +
                 $"{strategy.BeyondThreeNoise}/{strategy.TauAll.N} | {strategy.SkipOnly}/{strategy.TauAll.N} | {Show(strategy.FrontGap, "F2")} | {Show(strategy.Seconds, "F0")} |");
        Line("");
        Line("| strategy | seed | recommended cell | parameters | accuracy % | percentile | τ all | τ connected |");
        Line("|---|---|---|---|---|---|---|---|");
        foreach (var run in figures.Runs.OrderBy(run => run.Strategy).ThenBy(run => run.Budgeted).ThenBy(run => run.Seed))
            Line(string.Create(CultureInfo.InvariantCulture,
                $"| {run.Strategy}{(run.Budgeted ? " (budget)" : "")} | {run.Seed} | `{EscapeBars(run.Cell)}` | {run.Parameters:N0} | {run.Accuracy:F2} | {run.Percentile:F0} | {run.TauAll:F2} | {run.TauConnected:F2} |"));
        return text.ToString();
    }

    /// <summary>A cell string with its bars escaped, so that it stays in one column of a Markdown table.</summary>
    public static string EscapeBars(string cell) => cell.Replace("|", "\\|");
}
