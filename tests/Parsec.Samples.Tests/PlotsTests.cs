using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Parsec.Samples.FashionMnist;
using Parsec.Search;
using Parsec.SearchSpace;
using Xunit;

namespace Parsec.Samples.Tests;

/// <summary>The report's figures: the per-cell probability grids and the PNG files drawn from them and from the run's history.</summary>
// Building a network draws its initial weights from torch's global generator: never beside a class that seeds it.
[Collection("torch global generator")]
public sealed class PlotsTests
{
    private static readonly string[] DartsOperations =
        { "SepConv3x3", "SepConv5x5", "DilConv3x3", "DilConv5x5", "MaxPool3x3", "AvgPool3x3", "SkipConnect" };

    [Fact]
    public void A_grid_has_a_row_per_choice_and_leaves_blank_the_candidates_a_choice_lacks()
    {
        var choices = new[]
        {
            Summary("Net.NormalCell", "Inputs", new[] { "s0", "s1" }, new[] { 0.3, 0.7 }),
            Summary("Net.NormalCell", "Op", new[] { "skip", "conv" }, new[] { 0.9, 0.1 }),
            Summary("Net.NormalCell", "Pair", new[] { "s0", "s1", "n0" }, new[] { 0.2, 0.5, 0.3 }, new[] { 0.6, 0.3, 0.1 }),
            Summary("Net.ReductionCell", "Op", new[] { "conv" }, new[] { 1.0 }),
        };

        var grids = ProbabilityGrid.PerCell(choices);

        Assert.Equal(new[] { "NormalCell", "ReductionCell" }, grids.Select(grid => grid.Cell));
        var normal = grids[0];
        Assert.Equal(new[] { "Inputs", "Op", "Pair[0]", "Pair[1]" }, normal.Choices);
        Assert.Equal(new[] { "s0", "s1", "skip", "conv", "n0" }, normal.Candidates);
        double n = double.NaN;
        Assert.Equal(new[,]
        {
            { 0.3, 0.7, n, n, n },
            { n, n, 0.9, 0.1, n },
            { 0.2, 0.5, n, n, 0.3 },
            { 0.6, 0.3, n, n, 0.1 },
        }, normal.Probabilities);
        Assert.Equal(new[,] { { 1.0 } }, grids[1].Probabilities);
    }

    [Fact]
    public void The_DARTS_grids_hold_each_cells_choices_and_the_distributions_probabilities()
    {
        var space = ModelSearchSpace.Of(new Parsec.Samples.Darts.DartsNetwork("NR", 4, 10, 2));
        var distribution = new ArchitectureDistribution(space);
        var random = new Random(5);
        foreach (var choice in distribution.Choices.SelectMany(group => group))
            choice.SetLogits(Enumerable.Range(0, choice.Rows * choice.Width).Select(_ => 3 * random.NextDouble()).ToArray());
        var summaries = distribution.Summaries();

        var grids = ProbabilityGrid.PerCell(summaries);

        Assert.Equal(new[] { "NormalCell", "ReductionCell" }, grids.Select(grid => grid.Cell));
        foreach (var (grid, group) in grids.Zip(space.Groups))
        {
            var cellChoices = summaries.Where(summary => summary.Key == group.Key).ToList();
            Assert.Equal(group.Space.Choices.Select(choice => choice.Name), grid.Choices);
            Assert.Equal(new[] { "s0", "s1", "n0", "n1", "n2" }.Concat(DartsOperations), grid.Candidates);
            for (int row = 0; row < cellChoices.Count; row++)
            {
                var probabilities = cellChoices[row].Probabilities.Single();
                var options = cellChoices[row].Options;
                for (int column = 0; column < grid.Candidates.Count; column++)
                {
                    int option = options.IndexOf(grid.Candidates[column]);
                    Assert.Equal(option < 0 ? double.NaN : probabilities[option], grid.Probabilities[row, column]);
                }
            }
            // Node3Inputs offers all five inputs and no operation; an operation choice offers every operation.
            Assert.Equal(5, Enumerable.Range(0, grid.Candidates.Count).Count(column => !double.IsNaN(grid.Probabilities[3, column])));
            Assert.Equal(7, Enumerable.Range(0, grid.Candidates.Count).Count(column => !double.IsNaN(grid.Probabilities[4, column])));
        }
    }

    [Fact]
    public void Every_figure_is_a_png_and_each_cell_has_one_heatmap_sized_to_its_grid()
    {
        string folder = Directory.CreateTempSubdirectory("parsec-plots-").FullName;
        var choices = new[]
        {
            Summary("Net.NormalCell", "Inputs", new[] { "s0", "s1" }, new[] { 0.3, 0.7 }),
            Summary("Net.NormalCell", "Op", new[] { "skip", "conv" }, new[] { 0.9, 0.1 }),
            Summary("Net.ReductionCell", "Op", new[] { "conv" }, new[] { 1.0 }),
        };
        var steps = Enumerable.Range(1, 30).Select(step => new StepRecord(step, new StepFigures(2.3 / step, 0.1, 4, 40 - step), step)).ToList();
        var epochs = Enumerable.Range(1, 3).Select(epoch => new EpochRecord(epoch, 1.0 / epoch, 0.8, 1.1 / epoch, 0.75, 10 * epoch)).ToList();

        var heatmaps = Plots.CellProbabilities(choices, folder);
        string search = Plots.Search(steps, folder);
        string training = Plots.Training(epochs, folder);

        Assert.Equal(new[] { Path.Combine("plots", "cell-NormalCell.png"), Path.Combine("plots", "cell-ReductionCell.png") }, heatmaps);
        Assert.Equal(Path.Combine("plots", "search.png"), search);
        Assert.Equal(Path.Combine("plots", "training.png"), training);
        Assert.Equal(4, Directory.GetFiles(Path.Combine(folder, "plots")).Length);
        var normal = AssertPng(Path.Combine(folder, heatmaps[0]));
        var reduction = AssertPng(Path.Combine(folder, heatmaps[1]));
        // Two rows against one: taller (the width follows the title as long as there are few candidates).
        Assert.True(normal.Height > reduction.Height, $"{normal} against {reduction}");
        AssertPng(Path.Combine(folder, search));
        AssertPng(Path.Combine(folder, training));
    }

    /// <summary>Asserts that <paramref name="path"/> is a PNG file with an image in it; returns its size from the header.</summary>
    public static (int Width, int Height) AssertPng(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        byte[] signature = { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A };
        Assert.True(bytes.Length > 1000, $"{path} holds only {bytes.Length} bytes");
        Assert.Equal(signature, bytes[..8]);
        // The IHDR chunk comes first: length, type, then the width and height, big-endian.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        var size = (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        Assert.True(size.Item1 > 0 && size.Item2 > 0, $"{path} is {size.Item1} by {size.Item2} pixels");
        return size;
    }

    private static ChoiceSummary Summary(string key, string choice, string[] options, params double[][] probabilities) =>
        new(key, choice, options.ToImmutableArray(), probabilities.Select(row => row.ToImmutableArray()).ToImmutableArray(), Entropy: 0);
}
