using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Parsec.Samples.NasBench201;
using Parsec.Samples.NasBench201.FashionMnist;
using Parsec.SearchSpace;
using Parsec.Trials;
using Xunit;
using static TorchSharp.torch;

namespace Parsec.Samples.Tests;

/// <summary>The Fashion-MNIST NAS-Bench-201 sample's table: the trained network's size, the plan, the file and the resumable build.</summary>
// Building a network draws its initial weights from torch's global generator: never beside a class that seeds it.
[Collection("torch global generator")]
public sealed class CellTableTests
{
    private const string Convolutions = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_1x1~1|+|skip_connect~0|none~1|avg_pool_3x3~2|";
    private const string Pooling = "|avg_pool_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|none~0|nor_conv_1x1~1|skip_connect~2|";
    private const string Empty = "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|";

    [Theory]
    [InlineData(Convolutions, 1, 4)]
    [InlineData(Pooling, 2, 3)]
    [InlineData(Empty, 1, 8)]
    public void The_trained_parameters_and_the_output_match_the_cell_string(string text, int cellsPerStage, int channels)
    {
        var cell = NasBench201Architecture.Parse(text);
        using var network = new NasBench201Network(cellsPerStage, channels, classes: 10, inputChannels: 1);
        var space = ModelSearchSpace.Of(network);
        space.Select(NasBench201Architecture.ToModelArchitecture(space, cell));
        var images = new Parsec.Data.LabeledDataset(randn(4, 1, 28, 28), zeros(4, ScalarType.Int64));

        using var output = network.call(images.Inputs);
        var chosen = CellTrainer.ChosenParameters(network, images);

        Assert.Equal(new long[] { 4, 10 }, output.shape);
        long expected = NasBench201Parameters.Count(cell, cellsPerStage, channels, classes: 10, inputChannels: 1);
        // With every edge cut, the last cell outputs zeros unconnected to its input: only the last BatchNorm and the
        // classifier reach the loss, so a table counts the exported network's parameters, not the trained ones.
        long trained = text == Empty ? 2 * 4 * channels + 4 * channels * 10 + 10 : expected;
        Assert.Equal(trained, chosen.Sum(parameter => parameter.numel()));
    }

    [Fact]
    public void A_plan_of_random_cells_is_the_same_every_time_and_has_no_cell_twice()
    {
        var first = TablePlan.RandomCells(40, seed: 201);
        Assert.Equal(first, TablePlan.RandomCells(40, seed: 201));
        Assert.Equal(40, first.Distinct().Count());
        Assert.NotEqual(first, TablePlan.RandomCells(40, seed: 202));
        Assert.Equal("s2-302140", new TableEntry(NasBench201Architecture.Parse(
            "|nor_conv_3x3~0|+|none~0|nor_conv_1x1~1|+|skip_connect~0|avg_pool_3x3~1|none~2|"), 2).TrialId);
    }

    [Fact]
    public void Rows_appended_to_a_table_read_back_as_a_table_in_the_benchmarks_form()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("parsec-table-").FullName, "cells.csv");
        TableFile.Append(path, NasBench201Architecture.Parse(Convolutions), 0.8912, 12_345, 51.26);
        TableFile.Append(path, NasBench201Architecture.Parse(Pooling), 0.7, 678, 9);

        Assert.Equal(TableFile.Header, File.ReadLines(path).First());
        var table = NasBench201Table.Load(path, requireFullSpace: false);
        Assert.Equal(2, table.Rows.Length);
        Assert.Equal(89.12, table[NasBench201Architecture.Parse(Convolutions)].Accuracy, 6);
        Assert.Equal(678, table[NasBench201Architecture.Parse(Pooling)].Parameters);
        Assert.Equal(new HashSet<NasBench201CellArchitecture> { NasBench201Architecture.Parse(Convolutions), NasBench201Architecture.Parse(Pooling) },
            TableFile.Cells(path));
    }

    [Fact]
    public void A_build_killed_after_a_cell_finished_adds_that_cell_without_training_it_and_trains_only_the_rest()
    {
        string data = IdxFiles.FashionMnistFolder(400);
        string folder = Directory.CreateTempSubdirectory("parsec-table-").FullName;
        string table = Path.Combine(folder, "cells.csv"), trials = Path.Combine(folder, "trials");
        var (kept, finished, fresh) = (NasBench201Architecture.Parse(Convolutions), NasBench201Architecture.Parse(Pooling), NasBench201Architecture.Parse(Empty));
        // The killed build had written kept's row, and finished's result but not its row; fresh had not started.
        TableFile.Append(table, kept, 0.5, 1, 1);
        Directory.CreateDirectory(trials);
        var finishedEntry = new TableEntry(finished, 1);
        new TrialResult(finishedEntry.TrialId, 0.4242, [2.0], 777, 3.5, null).Write(Path.Combine(trials, finishedEntry.TrialId + ".json"));
        string program = Path.Combine(AppContext.BaseDirectory, "NasBench201.FashionMnist");

        var pool = new LocalTrialPool(new LocalTrialPoolOptions { ResultsDirectory = trials, Workers = 2 });
        int failed = TableBuilder.Train([(new TableEntry(kept, 1), table), (finishedEntry, table), (new TableEntry(fresh, 1), table)],
            pool, "smoke", data, CancellationToken.None, (id, arguments) => new TrialSpec(id, program, arguments));

        Assert.Equal(0, failed);
        var rows = NasBench201Table.Load(table, requireFullSpace: false);
        Assert.Equal(3, rows.Rows.Length);
        Assert.Equal(50, rows[kept].Accuracy, 6);
        Assert.Equal(42.42, rows[finished].Accuracy, 6);
        Assert.Equal(777, rows[finished].Parameters);
        var recipe = CellRecipe.Smoke;
        Assert.Equal(NasBench201Parameters.Count(fresh, recipe.CellsPerStage, recipe.Channels, 10, 1), rows[fresh].Parameters);
        Assert.InRange(rows[fresh].Accuracy, 0, 100);
        Assert.False(File.Exists(Path.Combine(trials, new TableEntry(kept, 1).TrialId + ".json")));
    }
}
