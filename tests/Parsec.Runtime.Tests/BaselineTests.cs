using System.Linq;
using Parsec.Data;
using Parsec.Runtime.Tests.TestCells;
using Parsec.Search;
using Parsec.SearchSpace;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests;

/// <summary>The DARTS and random-sampling baselines over the same cells.</summary>
public sealed class BaselineTests
{
    [Fact]
    public void DartsMixesEveryInputOfAFamilyOnceAndDerivesTheStrongestEdges()
    {
        var model = new TestModel(new NodeCell(4), 4, 2);
        var space = ModelSearchSpace.Of(model);
        var relaxation = new DartsRelaxation(space, CPU, ScalarType.Float32, new SearchRandom(1));
        var cell = space.Groups[0].Cells[0];

        Assert.Equal(3, relaxation.Parameters.Count); // one α per input of the family, shared by both slots
        Assert.Equal(new[] { 0.5f, 0.5f, 0.5f }, relaxation.InputWeights(cell, 0, 1).data<float>().ToArray());
        Assert.Equal(relaxation.OperationWeights(cell, 1, 2).data<float>().ToArray(), relaxation.OperationWeights(cell, 2, 2).data<float>().ToArray());

        using (no_grad())
        {
            relaxation.Parameters[0].copy_(tensor(new[] { 0f, 0f }));   // s0: undecided
            relaxation.Parameters[1].copy_(tensor(new[] { 4f, 0f }));   // s1: Dense, strongly
            relaxation.Parameters[2].copy_(tensor(new[] { 0f, 2f }));   // s2: Zero
        }
        var derived = relaxation.Derive().Cells[0];
        Assert.Equal(new[] { 1, 2 }, derived.Selections[0]);
        Assert.Equal(0, derived[1]);
        Assert.Equal(1, derived[2]);

        space.Relax(relaxation);
        using var output = model.forward(randn(8, 3, 4));
        Assert.Equal(new long[] { 8, 2 }, output.shape);
    }

    [Fact]
    public void DartsTrainsAlphaAndWeightsTogether()
    {
        var model = TestModel.Operation(8, 4);
        var strategy = new DartsStrategy(ModelSearchSpace.Of(model), new DartsOptions { ArchitectureLearningRate = 0.05 });
        var result = new ArchitectureSearch(strategy, new SearchOptions { Steps = 80, BatchSize = 32, Seed = 1, WeightLearningRate = 0.1 })
            .Run(Tasks.Identity(1, 512, 8, 4));

        Assert.Equal("Identity", OperationCell.Space.Choices[0].Options[result.Best.Cells[0][0]]);
        Assert.Single(result.Ranked);
        Assert.All(result.History, record => Assert.True(double.IsNaN(record.Figures.EffectiveSampleSize)));
    }

    [Fact]
    public void RandomSamplingRanksUniformCandidatesByHeldOutLoss()
    {
        var model = TestModel.Input(8, 4);
        var strategy = new RandomSamplingStrategy(ModelSearchSpace.Of(model), candidates: 12);
        var result = new ArchitectureSearch(strategy, new SearchOptions { Steps = 150, BatchSize = 32, Seed = 2, WeightLearningRate = 0.1 })
            .Run(Tasks.FirstInput(2, 512, 8, 4), Tasks.FirstInput(3, 128, 8, 4));

        Assert.Equal(result.Ranked.OrderByDescending(r => r.Score).Select(r => r.Score), result.Ranked.Select(r => r.Score));
        Assert.Equal(result.Best, result.Ranked[0].Architecture);
        Assert.Equal(new[] { 0 }, result.Best.Cells[0].Selections[0].ToArray());
        Assert.All(strategy.Space.Groups, g => Assert.Equal(ChoiceKind.Input, g.Space.Choices[0].Kind));
    }
}
