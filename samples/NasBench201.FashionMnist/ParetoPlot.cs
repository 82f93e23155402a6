using System.Collections.Generic;
using System.IO;
using System.Linq;
using ScottPlot;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>
/// The table's cells by parameters and accuracy, with its Pareto front (no cell is both smaller and more accurate),
/// the parameter budget, and the searches' recommended cells marked by strategy.
/// </summary>
public static class ParetoPlot
{
    /// <summary>The cells of <paramref name="rows"/> that no smaller-or-equal cell beats, by ascending parameters.</summary>
    public static IReadOnlyList<(long Parameters, double Accuracy)> Front(IEnumerable<(long Parameters, double Accuracy)> rows)
    {
        var front = new List<(long Parameters, double Accuracy)>();
        foreach (var row in rows.OrderBy(row => row.Parameters).ThenByDescending(row => row.Accuracy))
            if (front.Count == 0 || row.Accuracy > front[^1].Accuracy) front.Add(row);
        return front;
    }

    /// <summary>
    /// Writes <c>plots/pareto.png</c> of <paramref name="table"/>'s cells at the recipe's parameter counts, leaving out
    /// what scores more than a point under its worst connected cell (cells cut off from the output, near chance).
    /// </summary>
    public static string Write(NasBench201Table table, CellRecipe recipe,
        IReadOnlyDictionary<string, IReadOnlyList<(long Parameters, double Accuracy)>> recommended, long? budget, string folder)
    {
        double connected = table.Rows.Where(row => NasBench201Architecture.IsConnected(row.Architecture)).Select(row => row.Accuracy).DefaultIfEmpty(0).Min();
        return Write(table.Rows.Select(row => (recipe.Parameters(row.Architecture), row.Accuracy)).ToList(), recommended, budget,
            System.Math.Floor(connected) - 1, folder);
    }

    /// <summary>Writes <c>plots/pareto.png</c> under <paramref name="folder"/>; returns its path relative to it.</summary>
    /// <param name="table">Every trained cell: (parameters, accuracy in percent).</param>
    /// <param name="recommended">Each strategy's recommended cells.</param>
    /// <param name="budget">The parameter budget, drawn as a vertical line; null for none.</param>
    /// <param name="floor">Accuracies below it (cells cut off from the output, near chance) are left out of the view.</param>
    public static string Write(IReadOnlyList<(long Parameters, double Accuracy)> table,
        IReadOnlyDictionary<string, IReadOnlyList<(long Parameters, double Accuracy)>> recommended, long? budget, double floor, string folder)
    {
        var plot = new Plot();
        plot.Title($"{table.Count} NAS-Bench-201 cells trained alone on Fashion-MNIST");
        plot.Axes.Bottom.Label.Text = $"parameters (cells under {floor:F0}% not shown)";
        plot.YLabel("test accuracy (%)");
        var shown = table.Where(row => row.Accuracy >= floor).ToList();
        var cells = plot.Add.ScatterPoints(shown.Select(row => (double)row.Parameters).ToArray(), shown.Select(row => row.Accuracy).ToArray(), Colors.Gray);
        cells.LegendText = "table cell";
        var front = Front(table);
        var line = plot.Add.ScatterLine(front.Select(row => (double)row.Parameters).ToArray(), front.Select(row => row.Accuracy).ToArray(), Colors.Black);
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.LegendText = "Pareto front";
        if (budget is long limit)
            plot.Add.VerticalLine(limit, color: Colors.DarkRed, pattern: LinePattern.Dashed).LegendText = "parameter budget";
        var palette = new ScottPlot.Palettes.Category10();
        MarkerShape[] shapes = [MarkerShape.FilledCircle, MarkerShape.FilledTriangleUp, MarkerShape.FilledSquare, MarkerShape.FilledDiamond];
        int index = 0;
        foreach (var (strategy, points) in recommended)
        {
            var marks = plot.Add.ScatterPoints(points.Select(point => (double)point.Parameters).ToArray(), points.Select(point => point.Accuracy).ToArray(),
                palette.GetColor(index));
            marks.MarkerShape = shapes[index % shapes.Length];
            marks.MarkerSize = 11;
            marks.LegendText = strategy;
            index++;
        }
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        string file = Path.Combine("plots", "pareto.png");
        Directory.CreateDirectory(Path.Combine(folder, "plots"));
        plot.SavePng(Path.Combine(folder, file), 800, 500);
        return file;
    }
}
