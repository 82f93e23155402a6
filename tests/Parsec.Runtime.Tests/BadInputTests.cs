using System;
using Parsec.Data;
using Parsec.Runtime.Tests.TestCells;
using Parsec.Search;
using Parsec.SearchSpace;
using Xunit;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests;

/// <summary>Misuse is an ArgumentException that says what to change.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void AnEmptyDatasetIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new LabeledDataset(zeros(0, 4), zeros(0, int64)));
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void ABatchLargerThanTheDataIsRejected()
    {
        var strategy = new ParsecStrategy(ModelSearchSpace.Of(TestModel.Operation(4, 2)),
            new ParsecOptions { UseTrainingBatchForArchitecture = true });
        var error = Assert.Throws<ArgumentException>(() =>
            new ArchitectureSearch(strategy, new SearchOptions { Steps = 1, BatchSize = 64 }).Run(Tasks.Identity(1, 10, 4, 2)));
        Assert.Contains("batch size 64", error.Message);
    }

    [Fact]
    public void FewerThanOneSampleIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new ParsecStrategy(ModelSearchSpace.Of(TestModel.Operation(4, 2)), new ParsecOptions { Samples = 0 }));
        Assert.Contains("Samples", error.Message);
    }

    [Fact]
    public void AModelWithoutSearchCellsIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelSearchSpace.Of(nn.Linear(4, 2)));
        Assert.Contains("no search cell", error.Message);
    }

    [Fact]
    public void HeldOutLearningWithoutAValidationSetIsRejected()
    {
        var strategy = new ParsecStrategy(ModelSearchSpace.Of(TestModel.Operation(4, 2)));
        var error = Assert.Throws<ArgumentException>(() =>
            new ArchitectureSearch(strategy, new SearchOptions { Steps = 1, BatchSize = 4 }).Run(Tasks.Identity(1, 10, 4, 2)));
        Assert.Contains("UseTrainingBatchForArchitecture", error.Message);
    }

    [Fact]
    public void MisalignedLabelsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => new LabeledDataset(zeros(5, 4), zeros(4, int64)));
    }
}
