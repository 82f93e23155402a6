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

namespace Parsec.Samples.Tests;

/// <summary>The black-box score function that trains a step's NAS-Bench-201 cells as trials, against an executor that records what it was asked.</summary>
public sealed class CellTrialScorerTests
{
    private const string Convolutions = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_1x1~1|+|skip_connect~0|none~1|avg_pool_3x3~2|";
    private const string Pooling = "|avg_pool_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|none~0|nor_conv_1x1~1|skip_connect~2|";
    private const string InTable = "|nor_conv_1x1~0|+|none~0|skip_connect~1|+|none~0|none~1|nor_conv_3x3~2|";

    private static readonly ModelSearchSpace Space = ModelSearchSpace.OfCells(NasBench201Cell.Space);

    [Fact]
    public void Cells_in_the_table_are_looked_up_and_the_others_train_once_each_in_one_run()
    {
        var executor = new RecordingExecutor(cell => cell == Convolutions ? 0.8125 : 0.5);
        var scorer = new CellTrialScorer(Space, executor, "smoke", "/data/fmnist", Table((InTable, 71.25)), CancellationToken.None, Trial);

        var scores = scorer.Score([Architecture(Convolutions), Architecture(InTable), Architecture(Pooling), Architecture(Convolutions)]);

        Assert.Equal(new[] { 81.25, 71.25, 50.0, 81.25 }, scores);
        var run = Assert.Single(executor.Runs);
        Assert.Equal(new[] { Convolutions, Pooling }, run.Select(CellOf));
        Assert.All(run, trial => Assert.Equal("train-cell", trial.Arguments[0]));
        Assert.Equal(new TableEntry(NasBench201Architecture.Parse(Pooling), CellTrialScorer.TrainingSeed).TrialId, run[1].Id);
        Assert.Equal(new[] { CellScoreSource.Trained, CellScoreSource.Table, CellScoreSource.Trained, CellScoreSource.Trained },
            scorer.Scored.Select(entry => entry.Source));
    }

    [Fact]
    public void A_batch_of_table_cells_starts_no_trial()
    {
        var executor = new RecordingExecutor(_ => throw new InvalidOperationException("nothing should train"));
        var scorer = new CellTrialScorer(Space, executor, "smoke", "/data/fmnist", Table((InTable, 71.25)), CancellationToken.None, Trial);

        Assert.Equal(new[] { 71.25 }, scorer.Score([Architecture(InTable)]));
        Assert.Empty(executor.Runs);
    }

    [Fact]
    public void A_failed_trial_is_an_error_naming_its_cell_not_a_score()
    {
        var executor = new RecordingExecutor(cell => cell == Pooling ? null : 0.75);
        var scorer = new CellTrialScorer(Space, executor, "smoke", "/data/fmnist", lookup: null, CancellationToken.None, Trial);

        var error = Assert.Throws<InvalidOperationException>(() => scorer.Score([Architecture(Convolutions), Architecture(Pooling)]));

        Assert.Contains($"cell {Pooling}", error.Message);
        Assert.Contains("the trial diverged", error.Message);
        Assert.DoesNotContain(Convolutions, error.Message);
        Assert.Empty(scorer.Scored);
    }

    /// <summary>A trial of a program named like the sample, instead of this test host.</summary>
    private static TrialSpec Trial(string id, IReadOnlyList<string> arguments) => new(id, "NasBench201.FashionMnist", arguments);

    private static ModelArchitecture Architecture(string cell) => NasBench201Architecture.ToModelArchitecture(Space, NasBench201Architecture.Parse(cell));

    private static string CellOf(TrialSpec trial) => trial.Arguments[trial.Arguments.ToList().IndexOf("--cell") + 1];

    private static NasBench201Table Table(params (string Cell, double Accuracy)[] rows)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("parsec-scorer-").FullName, "table.csv");
        File.WriteAllLines(path, rows.Select(row => FormattableString.Invariant($"{row.Cell},{row.Accuracy}")).Prepend("arch,accuracy"));
        return NasBench201Table.Load(path, requireFullSpace: false);
    }

    /// <summary>Answers each trial with the accuracy <c>accuracyOf</c> gives its cell, or a failed outcome for null.</summary>
    private sealed class RecordingExecutor(Func<string, double?> accuracyOf) : ITrialExecutor
    {
        public List<IReadOnlyList<TrialSpec>> Runs { get; } = new();

        public IReadOnlyList<TrialOutcome> Run(IReadOnlyList<TrialSpec> trials, IProgress<TrialOutcome>? progress, CancellationToken cancellationToken)
        {
            Runs.Add(trials);
            return trials.Select(trial => accuracyOf(CellOf(trial)) is double accuracy
                ? new TrialOutcome(trial, new TrialResult(trial.Id, accuracy, [1.0], 100, 2, null), null, 1)
                : new TrialOutcome(trial, null, "the trial diverged", 3)).ToList();
        }
    }
}
