using System;
using System.Linq;
using Parsec.Data;
using Parsec.Search;
using Parsec.SearchSpace;
using Parsec.Supernet;
using Xunit;

namespace Parsec.Samples.Tests;

/// <summary>ParameterFreeOptions and ParsecOptions.ParameterFreeLimit on the cells the generator emits for the DARTS space.</summary>
// Building a network draws its initial weights from torch's global generator: never beside a class that seeds it.
[Collection("torch global generator")]
public sealed class DartsParameterFreeTests
{
    [Fact]
    public void Pooling_and_skip_are_the_parameter_free_options()
    {
        var network = new Parsec.Samples.Darts.DartsNetwork("NR", 4, 10, 2);
        var space = ModelSearchSpace.Of(network);
        var parameterFree = ParameterFreeOptions.Of(space);

        // Every convolution holds parameters, and so does a reduction cell's skip from s0 or s1 (FactorizedReduce).
        var drawn = new ArchitectureDistribution(space).Sample(new SearchRandom(3));
        for (int g = 0; g < space.Groups.Length; g++)
        {
            var cellSpace = space.Groups[g].Space;
            var cell = drawn.Cells[g];
            for (int c = 0; c < cellSpace.Choices.Length; c++)
            {
                var choice = cellSpace.Choices[c];
                if (choice.Kind != ChoiceKind.Operation) continue;
                var inputChoice = cellSpace.Choices[cellSpace.IndexOf(choice.PerInput!)];
                string input = inputChoice.Options[cell.Selections[cellSpace.IndexOf(choice.PerInput!)][choice.Slot]];
                var expected = cellSpace.CellType.EndsWith("ReductionCell", StringComparison.Ordinal) && input is "s0" or "s1"
                    ? new[] { "MaxPool3x3", "AvgPool3x3" }
                    : new[] { "MaxPool3x3", "AvgPool3x3", "SkipConnect" };
                Assert.Equal(expected, choice.Options.Where((_, o) => parameterFree.IsParameterFree(g, cell, c, o)));
            }
        }

        // A distribution that favours average pooling everywhere, read with a limit of 2, keeps two per cell.
        var strategy = new ParsecStrategy(space, new ParsecOptions { ParameterFreeLimit = 2 });
        foreach (var choice in strategy.Distribution.Choices.SelectMany(group => group).Where(choice => choice.Choice.Kind == ChoiceKind.Operation))
            choice.SetLogits(choice.Choice.Options.Select(option => option == "AvgPool3x3" ? 2.0 : 0.0).ToArray());
        var winner = strategy.Summarize(1, _ => 0).Best;
        for (int g = 0; g < space.Groups.Length; g++)
        {
            var cell = winner.Cells[g];
            int pooling = Enumerable.Range(0, cell.Selections.Length).Count(c =>
                space.Groups[g].Space.Choices[c].Kind == ChoiceKind.Operation && parameterFree.IsParameterFree(g, cell, c, cell.Selections[c][0]));
            Assert.Equal(2, pooling);
        }
    }
}
