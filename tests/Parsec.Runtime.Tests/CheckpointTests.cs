using System;
using System.IO;
using System.Linq;
using System.Threading;
using Parsec.Data;
using Parsec.Runtime.Tests.TestCells;
using Parsec.Search;
using Parsec.SearchSpace;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests;

/// <summary>Checkpoints: an interrupted and resumed run equals an uninterrupted one; damaged files are refused and kept.</summary>
[Collection(nameof(TorchGlobalState))]
public sealed class CheckpointTests : IDisposable
{
    private const int Width = 8, Classes = 4, Steps = 30;
    private readonly string directory = Directory.CreateTempSubdirectory("parsec-checkpoint-").FullName;
    private readonly byte[] initialWeights;
    private readonly LabeledDataset training = Tasks.Identity(21, 256, Width, Classes);
    private readonly LabeledDataset validation = Tasks.Identity(22, 128, Width, Classes);

    public CheckpointTests()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) TestModel.Operation(Width, Classes).save(writer);
        initialWeights = stream.ToArray();
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void AResumedRunEndsWithTheSameDistributionAsAnUninterruptedOne()
    {
        var uninterrupted = NewStrategy();
        var expected = Search(uninterrupted, Options("uninterrupted.ckpt"));

        string path = Path.Combine(directory, "interrupted.ckpt");
        using var cancellation = new CancellationTokenSource();
        var interrupted = NewStrategy();
        Assert.Throws<OperationCanceledException>(() => new ArchitectureSearch(interrupted, Options("interrupted.ckpt"))
            .Run(training, validation, new SynchronousProgress<StepRecord>(p => { if (p.Step == 12) cancellation.Cancel(); }), cancellation.Token));
        Assert.True(File.Exists(path));

        var resumed = NewStrategy();
        var actual = Search(resumed, Options("interrupted.ckpt") with { Resume = true });

        Assert.Equal(Logits(uninterrupted), Logits(resumed));
        Assert.Equal(expected.History.Select(r => r.Figures.Loss), actual.History.Select(r => r.Figures.Loss));
        Assert.Equal(Steps, actual.History.Count);
        Assert.False(expected.Resumed);
        Assert.True(actual.Resumed);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("corrupted")]
    public void ADamagedCheckpointIsRefusedByNameAndLeftAlone(string damage)
    {
        string path = Path.Combine(directory, "run.ckpt");
        Search(NewStrategy(), Options("run.ckpt") with { Steps = 4 });
        var bytes = File.ReadAllBytes(path);
        if (damage == "truncated") bytes = bytes[..(bytes.Length / 2)];
        else bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<InvalidDataException>(() => Search(NewStrategy(), Options("run.ckpt") with { Resume = true }));
        Assert.Contains(path, error.Message);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void ANonFiniteLossNamesTheStepAndArchitectureAndKeepsTheLastGoodCheckpoint()
    {
        string path = Path.Combine(directory, "run.ckpt");
        Search(NewStrategy(), Options("run.ckpt") with { Steps = 4 });
        var good = File.ReadAllBytes(path);

        var poisoned = new LabeledDataset(full(training.Inputs.shape, double.NaN), training.Labels);
        var error = Assert.Throws<SearchDivergedException>(() =>
            new ArchitectureSearch(NewStrategy(), Options("run.ckpt") with { Steps = 8, Resume = true }).Run(poisoned, validation));
        Assert.Equal(4, error.Step);
        Assert.Contains("Step 4", error.Message);
        Assert.Contains("Tests.OperationCell{Op=", error.Message);
        Assert.Equal(good, File.ReadAllBytes(path));
    }

    private ParsecStrategy NewStrategy()
    {
        var model = TestModel.Operation(Width, Classes);
        using (var reader = new BinaryReader(new MemoryStream(initialWeights))) model.load(reader);
        return new ParsecStrategy(ModelSearchSpace.Of(model), new ParsecOptions { ArchitectureLearningRate = 0.05 });
    }

    private SearchOptions Options(string file) => new()
    {
        Steps = Steps, BatchSize = 32, Seed = 3, CheckpointPath = Path.Combine(directory, file), CheckpointEvery = 5,
        TorchThreads = 1,
    };

    private SearchResult Search(ParsecStrategy strategy, SearchOptions options) =>
        new ArchitectureSearch(strategy, options).Run(training, validation);

    private static double[] Logits(ParsecStrategy strategy) =>
        strategy.Distribution.Choices.SelectMany(g => g).SelectMany(c => c.LogitValues()).ToArray();
}
