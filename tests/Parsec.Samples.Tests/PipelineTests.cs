using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using Parsec.Data;
using Parsec.Samples.FashionMnist;
using Parsec.Trials;
using Xunit;
using static TorchSharp.torch;

namespace Parsec.Samples.Tests;

/// <summary>The whole sample on small generated data: every artifact is written, and a stopped search resumes.</summary>
// Seeds and draws from torch's global generator: never beside another class that does.
[Collection("torch global generator")]
public sealed class PipelineTests
{
    [Fact]
    public void A_smoke_run_writes_every_artifact()
    {
        string data = IdxFiles.FashionMnistFolder(count: 300);
        string output = Directory.CreateTempSubdirectory("parsec-sample-").FullName;
        var options = new SampleOptions { Budget = Budget.Smoke, Data = data, Output = output, CompareRandom = 2, RetrainTop = 2 };

        var summary = Pipeline.Run(options, CancellationToken.None, SampleTrial);

        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "metrics.json")))!.AsObject();
        foreach (string key in new[] { "test_accuracy", "search_seconds", "retrain_seconds", "total_seconds", "parameters", "random_mean", "random_best" })
            Assert.True(metrics.ContainsKey(key), $"metrics.json lacks {key}");
        Assert.Equal(summary.TestAccuracy, metrics["test_accuracy"]!.GetValue<double>());
        Assert.InRange(summary.TestAccuracy, 0, 1);
        Assert.True(summary.Parameters > 0);
        Assert.Equal(2, summary.RandomAccuracies!.Count);
        Assert.Equal(summary.RandomAccuracies.Max(), metrics["random_best"]!.GetValue<double>());
        // Each random cell retrained as its own trial, whose result holds what the run reports.
        for (int i = 0; i < 2; i++)
        {
            string resultPath = Assert.Single(Directory.GetFiles(Path.Combine(output, ArchitectureTrials.TrialsFolder(ArchitectureTrials.Random)), $"random-{i + 1}-*.json"));
            var result = TrialResult.Read(resultPath, Path.GetFileNameWithoutExtension(resultPath));
            Assert.Equal(summary.RandomAccuracies[i], result.Accuracy);
            Assert.Equal(options.Budget.RetrainEpochs, result.Losses.Count);
            Assert.True(result.Parameters > 0);
            Assert.True(File.Exists(Path.Combine(output, "random", $"random-{i + 1}.cs")));
        }
        string[] randomArchitectures = metrics["random_architectures"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray();
        Assert.Equal(summary.RandomBaselines!.Select(baseline => baseline.Architecture), randomArchitectures);
        Assert.All(randomArchitectures, architecture => Assert.Contains("NormalCell{Node0Inputs=", architecture));
        // The search's ranking of the winner and the random cells, against their retrained accuracies.
        double[] supernetLosses = metrics["random_supernet_losses"]!.AsArray().Select(l => l!.GetValue<double>()).ToArray();
        Assert.Equal(summary.RandomBaselines!.Select(baseline => baseline.SupernetLoss), supernetLosses);
        Assert.Equal(summary.WinnerSupernetLoss, metrics["supernet_loss"]!.GetValue<double>());
        Assert.All(supernetLosses.Append(summary.WinnerSupernetLoss!.Value), loss => Assert.InRange(loss, 0.01, 20));
        double tau = SupernetRanking.KendallTau(
            supernetLosses.Prepend(summary.WinnerSupernetLoss.Value).Select(loss => -loss).ToArray(),
            summary.RandomAccuracies.Prepend(summary.TestAccuracy).ToArray());
        Assert.Equal(double.IsNaN(tau) ? null : tau, metrics["rank_agreement"]?.GetValue<double>());

        // The two most probable architectures, retrained as trials: the first is the winner (the mode), retrained on one
        // thread in its trial to the same figure as on every core in the run.
        var top = summary.TopArchitectures!;
        Assert.Equal(2, top.Count);
        Assert.Equal(summary.Architecture, top[0].Architecture);
        Assert.NotEqual(top[0].Architecture, top[1].Architecture);
        Assert.True(top[0].Probability >= top[1].Probability && top[1].Probability > 0 && top[0].Probability <= 1);
        Assert.Equal(summary.TestAccuracy, top[0].TestAccuracy);
        Assert.Equal(top.Select(t => t.TestAccuracy), metrics["top_accuracies"]!.AsArray().Select(a => a!.GetValue<double>()));
        Assert.Equal(top.Select(t => t.Architecture), metrics["top_architectures"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Single(Directory.GetFiles(Path.Combine(output, ArchitectureTrials.TrialsFolder(ArchitectureTrials.Top)), "top-2-*.json"));

        string exported = File.ReadAllText(Path.Combine(output, "exported", "DartsNetwork.cs"));
        Assert.DoesNotContain("using Parsec", exported);
        Assert.True(File.Exists(Path.Combine(output, "exported", "DartsNetwork.weights")));
        Assert.True(File.Exists(Path.Combine(output, "distribution.json")));
        // One heatmap per cell replaces the figure per choice; the report shows every plot.
        string[] plots = { "search.png", "training.png", "cell-NormalCell.png", "cell-ReductionCell.png" };
        Assert.Equal(plots.Order(), Directory.GetFiles(Path.Combine(output, "plots")).Select(Path.GetFileName).Order());
        string report = File.ReadAllText(Path.Combine(output, "report.md"));
        foreach (string plot in plots)
        {
            PlotsTests.AssertPng(Path.Combine(output, "plots", plot));
            Assert.Contains($"](plots/{plot})", report);
        }
        Assert.Contains("NormalCell.Node0Inputs", report);
        Assert.Contains(summary.ShippedConstructor, report);
        Assert.False(metrics["resumed"]!.GetValue<bool>());

        // The retrained weights are the shipped model: loaded into the exported class, they score what the run reported.
        Assert.Equal(Path.Combine("retrained", "DartsNetwork.weights"), metrics["retrained_weights"]!.GetValue<string>());
        var budget = options.Budget;
        using var shipped = ExportedModelCompiler.CreateInstance<nn.Module<Tensor, Tensor>>(
            exported, "Parsec.Samples.Darts.Exported.DartsNetwork", budget.Layout, budget.RetrainChannels, 10, budget.StemStride);
        shipped.load(Path.Combine(output, summary.RetrainedWeights));
        var (inputs, labels) = FashionMnistData.LoadTest(data).ToTensors();
        Assert.Equal(summary.TestAccuracy, Retrainer.Evaluate(shipped, new LabeledDataset(inputs, labels), CPU).Accuracy);
    }

    [Fact]
    public void A_finished_run_resumed_takes_its_figures_from_the_checkpoints()
    {
        string data = IdxFiles.FashionMnistFolder(count: 300);
        string output = Directory.CreateTempSubdirectory("parsec-sample-").FullName;
        var options = new SampleOptions { Budget = Budget.Smoke, Data = data, Output = output, CompareRandom = 1 };
        var first = Pipeline.Run(options, CancellationToken.None, SampleTrial);
        Assert.True(File.Exists(Path.Combine(output, "retrain-winner.checkpoint")));
        Assert.True(File.Exists(Path.Combine(output, "retrain-random-1.checkpoint")));
        string randomResult = Assert.Single(Directory.GetFiles(Path.Combine(output, ArchitectureTrials.TrialsFolder(ArchitectureTrials.Random)), "random-1-*.json"));
        var written = File.GetLastWriteTimeUtc(randomResult);

        var resumed = Pipeline.Run(options with { Resume = true }, CancellationToken.None, SampleTrial);

        Assert.True(resumed.Resumed);
        Assert.Equal(first.Architecture, resumed.Architecture);
        Assert.Equal(first.TestAccuracy, resumed.TestAccuracy);
        Assert.Equal(first.RandomBaselines, resumed.RandomBaselines);
        Assert.Equal(first.WinnerSupernetLoss, resumed.WinnerSupernetLoss);
        Assert.Equal(first.Epochs.Select(e => e.ValidationLoss), resumed.Epochs.Select(e => e.ValidationLoss));
        // The random cell's finished trial is reused, not run again.
        Assert.Equal(written, File.GetLastWriteTimeUtc(randomResult));
        // The retraining time carries over the first session's.
        Assert.InRange(resumed.RetrainSeconds, first.Epochs[^1].Seconds, first.RetrainSeconds + 30);
    }

    /// <summary>A trial of the sample's own program, which the build puts beside the tests, instead of this test host.</summary>
    internal static TrialSpec SampleTrial(string id, IReadOnlyList<string> arguments) =>
        new(id, Path.Combine(AppContext.BaseDirectory, "FashionMnist"), arguments);

    [Fact]
    public void A_stopped_search_leaves_a_checkpoint_and_resumes_to_the_end()
    {
        string data = IdxFiles.FashionMnistFolder(count: 300);
        string output = Directory.CreateTempSubdirectory("parsec-sample-").FullName;
        var options = new SampleOptions { Budget = Budget.Smoke with { SearchSteps = 4 }, Data = data, Output = output };
        var training = FashionMnistData.LoadTraining(data);
        using var stop = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            SearchPhase.Run(options, training, progress => { if (progress.Step == 2) stop.Cancel(); }, stop.Token));
        Assert.True(File.Exists(Path.Combine(output, "search.checkpoint")));

        var resumed = SearchPhase.Run(options with { Resume = true }, training, _ => { }, CancellationToken.None);
        Assert.Equal(4, resumed.Result.History.Count);
        Assert.Equal(new[] { 1, 2, 3, 4 }, resumed.Result.History.Select(record => record.Step));
    }
}
