using System;
using System.Collections.Immutable;
using System.Linq;
using Parsec.Runtime.Tests.TestCells;
using Parsec.Search;
using Parsec.SearchSpace;
using Parsec.Supernet;
using Xunit;

namespace Parsec.Runtime.Tests;

/// <summary>Which options are parameter-free, and the most probable architecture under a limit on them.</summary>
public sealed class ParameterFreeLimitTests
{
    [Fact]
    public void OptionsWithoutParametersAreFoundFromTheRegisteredModules()
    {
        var mixed = ParameterFreeOptions.Of(ModelSearchSpace.Of(new TestModel(new MixedCell(4), 4, 2)));
        var any = Architecture(0, 0, 0, 0);
        Assert.Equal(new[] { false, true, true }, Flags(mixed, any, choice: 0, options: 3));
        Assert.Equal(new[] { true, false }, Flags(mixed, any, choice: 1, options: 2));
        Assert.Equal(new[] { true, false }, Flags(mixed, any, choice: 2, options: 2));
        Assert.Equal(new[] { true, true }, Flags(mixed, any, choice: 3, options: 2));
        Assert.Equal(new[] { true, true, true, false }, Enumerable.Range(0, 4).Select(c => mixed.IsMixed(0, any, c)));

        // A per-input family: the module of the input the slot reads decides; an input choice has no parameter-free option.
        var strided = ParameterFreeOptions.Of(ModelSearchSpace.Of(new TestModel(new StridedFamilyCell(4), 4, 2)));
        var onA = Architecture(0, 1);
        var onB = Architecture(1, 1);
        Assert.Equal(new[] { false, false }, Flags(strided, onA, choice: 0, options: 2));
        Assert.Equal(new[] { false, false }, Flags(strided, onA, choice: 1, options: 2));
        Assert.Equal(new[] { false, true }, Flags(strided, onB, choice: 1, options: 2));
        Assert.False(strided.IsMixed(0, onA, 1));
        Assert.True(strided.IsMixed(0, onB, 1));
    }

    [Fact]
    public void TheCheapestChoicesTakeTheirOptionWithWeights()
    {
        var distribution = new ArchitectureDistribution(ModelSearchSpace.Of(new TestModel(new MixedCell(4), 4, 2)));
        // The mode takes a parameter-free option everywhere; leaving it costs Wide 2, Narrow 1, Third 3 in log-probability.
        SetLogits(distribution, new[] { 0.0, 2.0, 1.0 }, new[] { 1.0, 0.0 }, new[] { 3.0, 0.0 }, new[] { 0.0, 5.0 });
        int[] Selected(int limit) => distribution.ModeWithParameterFreeLimit(limit).Cells[0].Selections.Select(s => s[0]).ToArray();

        Assert.Equal(new[] { 1, 0, 0, 1 }, Selected(3));
        Assert.Equal(distribution.Mode(), distribution.ModeWithParameterFreeLimit(3));
        Assert.Equal(new[] { 1, 1, 0, 1 }, Selected(2));
        Assert.Equal(new[] { 0, 1, 0, 1 }, Selected(1));
        // Act has no option with weights, so it keeps its mode even at 0.
        Assert.Equal(new[] { 0, 1, 1, 1 }, Selected(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => distribution.ModeWithParameterFreeLimit(-1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void ItIsTheMostProbableArchitectureWithTheModesInputsWithinTheLimit(int limit)
    {
        for (int seed = 1; seed <= 5; seed++)
            foreach (var model in new[] { new TestModel(new MixedCell(4), 4, 2), new TestModel(new NodeCell(4), 4, 2), new TestModel(new StridedFamilyCell(4), 4, 2) })
            {
                var distribution = new ArchitectureDistribution(ModelSearchSpace.Of(model));
                var random = new Random(seed);
                foreach (var choice in distribution.Choices[0])
                    choice.SetLogits(Enumerable.Range(0, choice.Rows * choice.Width).Select(_ => 3 * random.NextDouble()).ToArray());
                var parameterFree = ParameterFreeOptions.Of(distribution.Space);
                var inputs = InputSelections(distribution.Mode());
                int Count(ModelArchitecture architecture) => distribution.Choices[0].Select((choice, c) =>
                    parameterFree.IsMixed(0, architecture.Cells[0], c)
                    && parameterFree.IsParameterFree(0, architecture.Cells[0], c, architecture.Cells[0].Selections[c][0]) ? 1 : 0).Sum();

                var best = distribution.MostProbable(int.MaxValue)
                    .First(ranked => InputSelections(ranked.Architecture).SequenceEqual(inputs) && Count(ranked.Architecture) <= limit);
                var limited = distribution.ModeWithParameterFreeLimit(limit);
                Assert.Equal(inputs, InputSelections(limited));
                Assert.True(Count(limited) <= limit);
                Assert.Equal(best.Score, distribution.LogProbability(limited), 12);

                string[] InputSelections(ModelArchitecture architecture) => distribution.Choices[0]
                    .Select((choice, c) => choice.Choice.Kind == ChoiceKind.Input ? string.Join(",", architecture.Cells[0].Selections[c]) : "")
                    .ToArray();
            }
    }

    [Fact]
    public void ParsecRecommendsTheLimitedModeAndRejectsANegativeLimit()
    {
        var space = ModelSearchSpace.Of(new TestModel(new MixedCell(4), 4, 2));
        var strategy = new ParsecStrategy(space, new ParsecOptions { ParameterFreeLimit = 1 });
        SetLogits(strategy.Distribution, new[] { 0.0, 2.0, 1.0 }, new[] { 1.0, 0.0 }, new[] { 3.0, 0.0 }, new[] { 0.0, 5.0 });
        var summary = strategy.Summarize(3, _ => 0);
        Assert.Equal(strategy.Distribution.ModeWithParameterFreeLimit(1), summary.Best);
        Assert.NotEqual(strategy.Distribution.Mode(), summary.Best);
        Assert.Equal(strategy.Distribution.Mode(), summary.Ranked[0].Architecture);

        var error = Assert.Throws<ArgumentException>(() => new ParsecStrategy(space, new ParsecOptions { ParameterFreeLimit = -1 }));
        Assert.Contains("ParameterFreeLimit", error.Message);
    }

    private static CellArchitecture Architecture(params int[] selections) =>
        new(selections.Select(selection => ImmutableArray.Create(selection)).ToImmutableArray());

    private static bool[] Flags(ParameterFreeOptions parameterFree, CellArchitecture architecture, int choice, int options) =>
        Enumerable.Range(0, options).Select(o => parameterFree.IsParameterFree(0, architecture, choice, o)).ToArray();

    private static void SetLogits(ArchitectureDistribution distribution, params double[][] logits)
    {
        for (int c = 0; c < logits.Length; c++) distribution.Choices[0][c].SetLogits(logits[c]);
    }
}
