using System;
using System.Collections.Immutable;
using System.Linq;
using Parsec.Data;
using Parsec.Runtime.Tests.TestCells;
using Parsec.Search;
using Parsec.SearchSpace;
using TorchSharp;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests;

/// <summary>
/// Peak activation memory. TorchSharp has no saved-tensor hooks, so the test cells record every intermediate tensor
/// they create (<see cref="ActivationLedger"/>) and the model sums the bytes of those still alive at the end of every
/// forward, when everything saved for backward is alive; the peak over a run is its activation memory. (Counting
/// malloc'd bytes instead was tried: background JIT and allocator caches made it swing by ±1 MB between identical
/// steps.) The collection runs alone, so the ledger sees no other test's tensors.
/// </summary>
[Collection(nameof(TorchGlobalState))]
public sealed class MemoryTests(ITestOutputHelper output)
{
    private const int Width = 32, Classes = 4, Depth = 3, BatchSize = 256, Steps = 3;

    [Fact]
    public void ParsecNeedsTheMemoryOfOneArchitectureAndDartsOfAllOfThem()
    {
        var data = Tasks.Identity(1, BatchSize, Width, Classes);

        // Candidates differ in what they save for backward; the largest architecture uses the largest one everywhere.
        var singles = Enumerable.Range(0, DenseCell.Space.Choices[0].Options.Length)
            .Select(candidate => Measure(model => TrainSingleArchitecture(model, candidate, data))).ToList();
        long single = singles.Max();
        long parsec = Measure(model => Search(new ParsecStrategy(ModelSearchSpace.Of(model),
            new ParsecOptions { UseTrainingBatchForArchitecture = true }), data, null));
        long parsecHeldOut = Measure(model => Search(new ParsecStrategy(ModelSearchSpace.Of(model)), data, data));
        long darts = Measure(model => Search(new DartsStrategy(ModelSearchSpace.Of(model)), data, null));
        output.WriteLine($"peak activation bytes: single architectures {string.Join(", ", singles.Select(b => b.ToString("N0")))}, PARSEC {parsec:N0} (held-out {parsecHeldOut:N0}), DARTS {darts:N0}");

        Assert.True(single > 0);
        Assert.True(parsec <= 1.1 * single, $"PARSEC {parsec:N0} vs one architecture {single:N0}");
        Assert.True(parsecHeldOut <= 1.1 * single, $"PARSEC held-out {parsecHeldOut:N0} vs one architecture {single:N0}");
        Assert.True(darts >= 3 * single, $"DARTS {darts:N0} vs one architecture {single:N0}");
    }

    private static long Measure(Action<TestModel> run)
    {
        var model = TestModel.Dense(Width, Classes, Depth);
        long peak = 0;
        model.AfterForward = () => peak = Math.Max(peak, ActivationLedger.LiveBytes());
        ActivationLedger.Clear();
        ActivationLedger.Enabled = true;
        try
        {
            run(model);
        }
        finally
        {
            ActivationLedger.Enabled = false;
            ActivationLedger.Clear();
        }
        return peak;
    }

    /// <summary>Plain training of the architecture that uses <paramref name="candidate"/> in every cell.</summary>
    private static void TrainSingleArchitecture(TestModel model, int candidate, LabeledDataset data)
    {
        var space = ModelSearchSpace.Of(model);
        space.Select(new ModelArchitecture(space.Groups
            .Select(_ => new CellArchitecture(ImmutableArray.Create(ImmutableArray.Create(candidate)))).ToImmutableArray()));
        var optimizer = optim.SGD(model.parameters(), 0.025, 0.9);
        var batches = new ShuffledBatches(data, BatchSize, 0);
        for (int step = 0; step < Steps; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var batch = batches.Next(CPU);
            var loss = nn.functional.cross_entropy(model.forward(batch.Inputs), batch.Labels);
            loss.backward();
            optimizer.step();
        }
    }

    private static void Search(ISearchStrategy strategy, LabeledDataset training, LabeledDataset? validation) =>
        new ArchitectureSearch(strategy, new SearchOptions { Steps = Steps, BatchSize = BatchSize }).Run(training, validation);
}
