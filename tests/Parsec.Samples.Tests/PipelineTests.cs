using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using Parsec.Samples.FashionMnist;
using Xunit;

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
        var options = new SampleOptions { Budget = Budget.Smoke, Data = data, Output = output, CompareRandom = 2 };

        var summary = Pipeline.Run(options, CancellationToken.None);

        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "metrics.json")))!.AsObject();
        foreach (string key in new[] { "test_accuracy", "search_seconds", "retrain_seconds", "total_seconds", "parameters", "random_mean", "random_best" })
            Assert.True(metrics.ContainsKey(key), $"metrics.json lacks {key}");
        Assert.Equal(summary.TestAccuracy, metrics["test_accuracy"]!.GetValue<double>());
        Assert.InRange(summary.TestAccuracy, 0, 1);
        Assert.True(summary.Parameters > 0);
        Assert.Equal(2, summary.RandomAccuracies!.Count);
        Assert.Equal(summary.RandomAccuracies.Max(), metrics["random_best"]!.GetValue<double>());

        string exported = File.ReadAllText(Path.Combine(output, "exported", "DartsNetwork.cs"));
        Assert.DoesNotContain("using Parsec", exported);
        Assert.True(File.Exists(Path.Combine(output, "exported", "DartsNetwork.weights")));
        Assert.True(File.Exists(Path.Combine(output, "distribution.json")));
        Assert.True(File.Exists(Path.Combine(output, "plots", "search.png")));
        Assert.True(File.Exists(Path.Combine(output, "plots", "training.png")));
        Assert.Contains(Directory.GetFiles(Path.Combine(output, "plots")), file => Path.GetFileName(file).StartsWith("probabilities-NormalCell-Node0Op", StringComparison.Ordinal));
        string report = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.Contains("plots/search.png", report);
        Assert.Contains("NormalCell.Node0Inputs", report);
    }

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
        Assert.Equal(new[] { 3, 4 }, resumed.Probabilities.Steps);
    }
}
