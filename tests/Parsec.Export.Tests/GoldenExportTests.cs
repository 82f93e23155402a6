using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Parsec.Export.Tests.Infrastructure;
using Parsec.Export.Tests.TestCells;
using Parsec.Samples.Darts;
using Parsec.Search;
using Parsec.SearchSpace;
using Xunit;

namespace Parsec.Export.Tests;

/// <summary>The exported text of the sample cells, compared with golden files (rewrite with PARSEC_UPDATE_GOLDEN=1).</summary>
public sealed class GoldenExportTests
{
    internal const string ChainArchitecture = """
        {"Parsec.Export.Tests.TestCells.ChainCell": {"Act": "Gated", "Skip": "hidden", "Depth": "2", "Scale": "1.0", "Label": "\"wide\""},
         "Parsec.Export.Tests.TestCells.PairCell": {"FirstInputs": ["b", "ab"], "FirstOp[0]": "Relu", "FirstOp[1]": "Gated",
                                                    "SecondInputs": ["first", "first"], "SecondOp[0]": "Gated", "SecondOp[1]": "Scaled"}}
        """;

    [Fact]
    public void Chain_network_with_probabilities_and_settings()
    {
        var model = new ChainNetwork(inputs: 6, features: 5, classes: 3);
        var space = ModelSearchSpace.Of(model);
        var architecture = Architectures.Parse(space, ChainArchitecture);
        var provenance = new ExportProvenance
        {
            Strategy = "PARSEC",
            Probabilities = UniformProbabilities(space),
            SearchSettings = new[] { KeyValuePair.Create("Steps", "200"), KeyValuePair.Create("Seed", "1") },
            DistributionFile = "runs/chain/distribution.json",
        };

        var source = new ModelExporter().Render(model, architecture, provenance);

        Golden.Match("ChainNetwork.cs.txt", source.Text);
    }

    [Fact]
    public void Darts_network_architecture_alone()
    {
        var model = new DartsNetwork(layout: "NR", channels: 4);
        var architecture = Architectures.Random(ModelSearchSpace.Of(model), seed: 5);

        var source = new ModelExporter(new ExportOptions { WriteWeights = false }).Render(model, architecture);

        Golden.Match("DartsNetwork.cs.txt", source.Text);
    }

    [Fact]
    public void Types_nested_in_a_static_class()
    {
        var model = new NestedNetwork(4);
        var architecture = Architectures.Random(ModelSearchSpace.Of(model), seed: 1);

        var source = new ModelExporter().Render(model, architecture);

        Golden.Match("NestedNetwork.cs.txt", source.Text);
    }

    [Fact]
    public void Unshared_blocks_that_chose_two_architectures()
    {
        var model = new UnsharedNetwork(5);
        var architecture = new ModelArchitecture(ImmutableArray.Create(
            Architectures.Unshared(act: 0, scale: 0), Architectures.Unshared(act: 1, scale: 1), Architectures.Unshared(act: 0, scale: 0)));

        var source = new ModelExporter().Render(model, architecture);

        Golden.Match("UnsharedNetwork.cs.txt", source.Text);
    }

    /// <summary>Uniform probabilities (one row per choice, a row per slot for a non-distinct input choice).</summary>
    private static IReadOnlyList<ChoiceSummary> UniformProbabilities(ModelSearchSpace space) =>
        space.Groups.SelectMany(group => group.Space.Choices.Select(choice =>
        {
            int rows = choice.Kind == SearchSpace.ChoiceKind.Input && !choice.Distinct ? choice.Count : 1;
            var row = Enumerable.Repeat(1.0 / choice.Options.Length, choice.Options.Length).ToImmutableArray();
            return new ChoiceSummary(group.Key, choice.Name, choice.Options, Enumerable.Repeat(row, rows).ToImmutableArray(), 0.0);
        })).ToList();
}
