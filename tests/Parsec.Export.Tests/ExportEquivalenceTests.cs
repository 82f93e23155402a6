using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Parsec.Export.Tests.Infrastructure;
using Parsec.Export.Tests.TestCells;
using Parsec.Samples.Darts;
using Parsec.SearchSpace;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Parsec.Export.Tests;

/// <summary>
/// The exported model, compiled against TorchSharp alone and loaded with the exported weights, computes what the
/// supernet computes with that architecture selected.
/// </summary>
public sealed class ExportEquivalenceTests
{
    private const double Tolerance = 1e-5;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Chain_network_export_matches_the_selected_supernet(int seed)
    {
        manual_seed(seed);
        var supernet = new ChainNetwork(inputs: 6, features: 5, classes: 3);
        var architecture = Architectures.Random(ModelSearchSpace.Of(supernet), seed);

        double difference = ExportAndCompare(supernet, architecture, randn(4, 6), "Parsec.Export.Tests.TestCells.Exported.ChainNetwork", 6, 5, 3);

        Assert.InRange(difference, 0, Tolerance);
    }

    [Fact]
    public void Family_slots_on_the_same_input_keep_both_modules()
    {
        manual_seed(7);
        var supernet = new ChainNetwork(inputs: 6, features: 5, classes: 3);
        var space = ModelSearchSpace.Of(supernet);
        var architecture = Architectures.Parse(space, """
            {"Parsec.Export.Tests.TestCells.ChainCell": {"Act": "Scaled", "Skip": "hidden", "Depth": "2", "Scale": "0.5", "Label": "\"narrow\""},
             "Parsec.Export.Tests.TestCells.PairCell": {"FirstInputs": ["ab", "a"], "FirstOp[0]": "Gated", "FirstOp[1]": "Scaled",
                                                        "SecondInputs": ["first", "first"], "SecondOp[0]": "Gated", "SecondOp[1]": "Scaled"}}
            """);

        double difference = ExportAndCompare(supernet, architecture, randn(4, 6), "Parsec.Export.Tests.TestCells.Exported.ChainNetwork", 6, 5, 3);

        Assert.InRange(difference, 0, Tolerance);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Darts_network_export_matches_the_selected_supernet(int seed)
    {
        manual_seed(seed);
        var supernet = new DartsNetwork(layout: "NRN", channels: 4, classes: 5);
        var architecture = Architectures.Random(ModelSearchSpace.Of(supernet), seed);

        double difference = ExportAndCompare(supernet, architecture, randn(2, 1, 8, 8),
            "Parsec.Samples.Darts.Exported.DartsNetwork", "NRN", 4, 5, 1);

        Assert.InRange(difference, 0, Tolerance);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Types_nested_in_a_static_class_are_exported_inside_it(int candidate)
    {
        manual_seed(candidate);
        var supernet = new NestedNetwork(4);
        var architecture = new ModelArchitecture(ImmutableArray.Create(new CellArchitecture(ImmutableArray.Create(ImmutableArray.Create(candidate)))));

        double difference = ExportAndCompare(supernet, architecture, randn(3, 4), "Parsec.Export.Tests.TestCells.Exported.NestedNetwork", 4L);

        Assert.InRange(difference, 0, Tolerance);
    }

    [Theory]
    [InlineData(0, 0, 1, 1, 2, 0)]
    [InlineData(0, 0, 1, 1, 0, 0)]
    public void Unshared_blocks_that_chose_differently_export_as_one_class_per_architecture(
        int firstAct, int firstScale, int secondAct, int secondScale, int thirdAct, int thirdScale)
    {
        manual_seed(firstAct + secondAct + thirdAct);
        var supernet = new UnsharedNetwork(5);
        var architecture = new ModelArchitecture(ImmutableArray.Create(
            Architectures.Unshared(firstAct, firstScale), Architectures.Unshared(secondAct, secondScale), Architectures.Unshared(thirdAct, thirdScale)));

        double difference = ExportAndCompare(supernet, architecture, randn(3, 5), "Parsec.Export.Tests.TestCells.Exported.UnsharedNetwork", 5);

        Assert.InRange(difference, 0, Tolerance);
    }

    [Fact]
    public void Unshared_blocks_that_chose_alike_export_as_one_class_of_the_cell_s_name()
    {
        manual_seed(5);
        var supernet = new UnsharedNetwork(5);
        var same = Architectures.Unshared(act: 2, scale: 1);
        var architecture = new ModelArchitecture(ImmutableArray.Create(same, same, same));

        double difference = ExportAndCompare(supernet, architecture, randn(3, 5), "Parsec.Export.Tests.TestCells.Exported.UnsharedNetwork", 5);

        Assert.InRange(difference, 0, Tolerance);
        Assert.Contains("public sealed class UnsharedCell :", new ModelExporter().Render(supernet, architecture).Text);
    }

    private static double ExportAndCompare(
        nn.Module<Tensor, Tensor> supernet, ModelArchitecture architecture, Tensor input, string exportedType, params object[] arguments)
    {
        using var directory = new TemporaryDirectory();
        var expected = Supernets.SelectedOutput(supernet, architecture, input);
        var result = new ModelExporter(new ExportOptions { OutputDirectory = directory.Path }).Export(supernet, architecture);

        var fixedModel = ExportedAssembly.Compile(File.ReadAllText(result.SourcePath)).Create(exportedType, arguments);
        var actual = Supernets.FixedOutput(fixedModel, result.WeightsPath!, input);

        Assert.Equal(ExportStatus.Written, result.Status);
        Assert.True(expected.abs().sum().ToDouble() > 0, "The supernet's output is all zeros: the comparison would prove nothing.");
        return Supernets.MaxAbsDifference(expected, actual);
    }
}
