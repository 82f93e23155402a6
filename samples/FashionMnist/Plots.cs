using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Parsec.Search;
using ScottPlot;

namespace Parsec.Samples.FashionMnist;

/// <summary>Writes the run's figures as PNG files; returns each file's path relative to the artifacts folder.</summary>
public static class Plots
{
    private const int Width = 640, Height = 400;

    /// <summary>Pixels per heatmap cell: wide enough for a printed probability, tall enough for a choice's name.</summary>
    private const int CellWidth = 56, CellHeight = 30;

    /// <summary>One heatmap per cell of the search space: each choice's final probability of each candidate.</summary>
    public static IReadOnlyList<string> CellProbabilities(IEnumerable<ChoiceSummary> choices, string folder) =>
        ProbabilityGrid.PerCell(choices).Select(grid => Heatmap(grid, folder)).ToList();

    /// <summary>The search's training loss and the entropy of π per step.</summary>
    public static string Search(IReadOnlyList<StepRecord> history, string folder)
    {
        var plot = LeftAndRightAxes("PARSEC search", "search step", "training loss", "entropy of π (nats)");
        var steps = history.Select(record => (double)record.Step).ToArray();
        plot.Add.ScatterLine(steps, history.Select(record => record.Figures.Loss).ToArray()).LegendText = "training loss (left axis)";
        var entropy = plot.Add.ScatterLine(steps, history.Select(record => record.Figures.Entropy).ToArray());
        entropy.LegendText = "entropy of π (right axis)";
        entropy.Axes.YAxis = plot.Axes.Right;
        return Save(plot, folder, "search.png", Width, Height);
    }

    /// <summary>Retraining: training and validation loss (solid) and accuracy (dashed) per epoch.</summary>
    public static string Training(IReadOnlyList<EpochRecord> epochs, string folder)
    {
        var plot = LeftAndRightAxes("Retraining the exported winner from scratch", "epoch", "loss", "accuracy (%)");
        var x = epochs.Select(record => (double)record.Epoch).ToArray();
        var palette = new ScottPlot.Palettes.Category10();
        void Add(string label, IEnumerable<double> values, int colour, bool accuracy)
        {
            var series = plot.Add.Scatter(x, values.ToArray(), palette.GetColor(colour));
            series.LegendText = label;
            if (!accuracy) return;
            series.LinePattern = LinePattern.Dashed;
            // Hollow and larger, so a loss marker on the same pixel still shows inside it.
            series.MarkerShape = MarkerShape.OpenSquare;
            series.MarkerSize = 9;
            series.Axes.YAxis = plot.Axes.Right;
        }
        Add("training loss", epochs.Select(record => record.TrainingLoss), 0, accuracy: false);
        Add("validation loss", epochs.Select(record => record.ValidationLoss), 1, accuracy: false);
        Add("training accuracy", epochs.Select(record => 100 * record.TrainingAccuracy), 0, accuracy: true);
        Add("validation accuracy", epochs.Select(record => 100 * record.ValidationAccuracy), 1, accuracy: true);
        // Half an epoch of margin: a run of one epoch shows that epoch alone, not 0 and 2 beside it.
        plot.Axes.SetLimitsX(x.Min() - 0.5, x.Max() + 0.5);
        return Save(plot, folder, "training.png", Width, Height);
    }

    /// <summary>
    /// A plot with whole-number steps on x, a quantity on each y axis, and its legend in a panel below the data so it
    /// covers no curve.
    /// </summary>
    private static Plot LeftAndRightAxes(string title, string xLabel, string leftLabel, string rightLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.Axes.Left.Label.Text = leftLabel;
        plot.Axes.Right.Label.Text = rightLabel;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return plot;
    }

    private static string Heatmap(ProbabilityGrid grid, string folder)
    {
        int rows = grid.Choices.Count, columns = grid.Candidates.Count;
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(grid.Probabilities);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        // Probabilities, not the grid's spread: the same colour means the same probability in every cell's figure.
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        heatmap.NaNCellColor = Colors.Transparent;
        // Column c spans [c, c + 1] and row r (row 0 at the top) spans [rows - r - 1, rows - r].
        heatmap.CellAlignment = Alignment.LowerLeft;
        var colourBar = plot.Add.ColorBar(heatmap);
        colourBar.Label = "probability";
        colourBar.MinimumSize = 100;
        colourBar.LabelStyle.OffsetX = -8;
        double[] ticks = { 0, 0.2, 0.4, 0.6, 0.8, 1 };
        colourBar.Axis.SetTicks(ticks, ticks.Select(tick => tick.ToString(CultureInfo.InvariantCulture)).ToArray());
        for (int row = 0; row < rows; row++)
            for (int column = 0; column < columns; column++)
            {
                double probability = grid.Probabilities[row, column];
                if (double.IsNaN(probability)) continue;
                var text = plot.Add.Text(probability.ToString("F2", CultureInfo.InvariantCulture), column + 0.5, rows - row - 0.5);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = 12;
                // Viridis is dark below about 0.6 and light above it.
                text.LabelFontColor = probability < 0.6 ? Colors.White : Colors.Black;
            }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, columns).Select(column => column + 0.5).ToArray(), grid.Candidates.ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        // The layout does not measure rotated labels: make room for the longest name.
        int candidateLabels = 40 + 6 * grid.Candidates.Max(candidate => candidate.Length);
        plot.Axes.Bottom.MinimumSize = candidateLabels;
        plot.Axes.Left.SetTicks(Enumerable.Range(0, rows).Select(row => rows - row - 0.5).ToArray(), grid.Choices.ToArray());
        plot.Axes.SetLimits(0, columns, 0, rows);
        plot.HideGrid();
        string title = $"{grid.Cell}: final probability of each candidate";
        plot.Title(title);
        plot.XLabel("candidate");
        plot.YLabel("choice");
        string name = "cell-" + string.Concat(grid.Cell.Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-') + ".png";
        // Wide enough for the title however few candidates there are.
        return Save(plot, folder, name, System.Math.Max(260 + CellWidth * columns, 40 + 10 * title.Length), 100 + candidateLabels + CellHeight * rows);
    }

    /// <summary>Writes <paramref name="plot"/> to <c>plots/<paramref name="name"/></c> under <paramref name="folder"/>; returns that relative path.</summary>
    private static string Save(Plot plot, string folder, string name, int width, int height)
    {
        string file = Path.Combine("plots", name);
        Directory.CreateDirectory(Path.Combine(folder, "plots"));
        plot.SavePng(Path.Combine(folder, file), width, height);
        return file;
    }
}
