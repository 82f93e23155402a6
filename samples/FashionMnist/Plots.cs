using System.Collections.Generic;
using System.IO;
using System.Linq;
using Parsec.Search;

namespace Parsec.Samples.FashionMnist;

/// <summary>Writes the run's figures as PNG files; returns each file's path relative to the artifacts folder.</summary>
public static class Plots
{
    private const int Width = 520, Height = 320;

    /// <summary>One figure per choice: each option's probability over the search steps.</summary>
    public static IReadOnlyList<string> ChoiceProbabilities(ProbabilityHistory history, string folder)
    {
        var files = new List<string>();
        var steps = history.Steps.Select(step => (double)step).ToArray();
        if (steps.Length == 0) return files;
        foreach (string choice in history.Choices)
        {
            var plot = new ScottPlot.Plot();
            var options = history.OptionsOf(choice);
            for (int option = 0; option < options.Count; option++)
            {
                var line = plot.Add.ScatterLine(steps, history.Series(choice, option));
                line.LegendText = options[option];
            }
            plot.Title(choice);
            plot.XLabel("search step");
            plot.YLabel("probability");
            plot.Axes.SetLimitsY(0, 1);
            plot.ShowLegend(ScottPlot.Edge.Right);
            string name = "probabilities-" + string.Concat(choice.Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-') + ".png";
            Save(plot, folder, name, Width + 140);
            files.Add(Path.Combine("plots", name));
        }
        return files;
    }

    /// <summary>The search's training loss, effective sample size and entropy per step.</summary>
    public static string Search(IReadOnlyList<StepRecord> history, string folder)
    {
        var plot = new ScottPlot.Plot();
        var steps = history.Select(record => (double)record.Step).ToArray();
        plot.Add.ScatterLine(steps, history.Select(record => record.Figures.Loss).ToArray()).LegendText = "training loss";
        plot.Add.ScatterLine(steps, history.Select(record => record.Figures.EffectiveSampleSize).ToArray()).LegendText = "effective sample size";
        plot.Add.ScatterLine(steps, history.Select(record => record.Figures.Entropy / 10).ToArray()).LegendText = "entropy of p(a|pi) / 10 (nats)";
        plot.Title("PARSEC search");
        plot.XLabel("search step");
        plot.ShowLegend();
        Save(plot, folder, "search.png", Width);
        return Path.Combine("plots", "search.png");
    }

    /// <summary>Retraining: training and validation loss and accuracy per epoch.</summary>
    public static string Training(IReadOnlyList<EpochRecord> epochs, string folder)
    {
        var plot = new ScottPlot.Plot();
        var x = epochs.Select(record => (double)record.Epoch).ToArray();
        plot.Add.Scatter(x, epochs.Select(record => record.TrainingLoss).ToArray()).LegendText = "training loss";
        plot.Add.Scatter(x, epochs.Select(record => record.ValidationLoss).ToArray()).LegendText = "validation loss";
        plot.Add.Scatter(x, epochs.Select(record => record.TrainingAccuracy).ToArray()).LegendText = "training accuracy";
        plot.Add.Scatter(x, epochs.Select(record => record.ValidationAccuracy).ToArray()).LegendText = "validation accuracy";
        plot.Title("Retraining the exported winner from scratch");
        plot.XLabel("epoch");
        plot.ShowLegend();
        Save(plot, folder, "training.png", Width);
        return Path.Combine("plots", "training.png");
    }

    private static void Save(ScottPlot.Plot plot, string folder, string name, int width)
    {
        string plots = Path.Combine(folder, "plots");
        Directory.CreateDirectory(plots);
        plot.SavePng(Path.Combine(plots, name), width, Height);
    }
}
