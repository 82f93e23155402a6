using System;
using System.Collections.Generic;
using System.Linq;
using Parsec.Export;
using Parsec.Samples.NasBench201;
using Parsec.SearchSpace;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using Operation = Parsec.Samples.NasBench201.NasBench201CellArchitecture.NasBench201OpsCandidate;

namespace Parsec.Samples.Tests;

/// <summary>NasBench201Network and NasBench201Cell as modules: shape, training, shared selection, and the parameter formula.</summary>
// Building a network draws its initial weights from torch's global generator: never beside a class that seeds it.
[Collection("torch global generator")]
public sealed class NasBench201NetworkTests
{
    [Fact]
    public void The_network_classifies_images_of_any_channel_count_and_trains_the_chosen_edges()
    {
        var network = new NasBench201Network(cellsPerStage: 1, channels: 4, classes: 3, inputChannels: 1);
        var space = ModelSearchSpace.Of(network);
        var architecture = NasBench201Architecture.Parse("|nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_1x1~1|none~2|");
        space.Select(NasBench201Architecture.ToModelArchitecture(space, architecture));

        using var output = network.call(randn(2, 1, 12, 12));
        Assert.Equal(new long[] { 2, 3 }, output.shape);

        output.sum().backward();
        var gradients = network.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad is not null);
        Assert.True(gradients["stages.0.Node1From0_NorConv3x3.1.weight"]);
        Assert.True(gradients["stages.2.Node3From1_NorConv1x1.1.weight"]);
        Assert.False(gradients["stages.0.Node1From0_NorConv1x1.1.weight"]);
    }

    [Fact]
    public void One_architecture_is_shared_by_every_cell_of_the_network()
    {
        var network = new NasBench201Network(cellsPerStage: 2, channels: 2);
        var space = ModelSearchSpace.Of(network);
        var architecture = NasBench201Architecture.Parse("|skip_connect~0|+|nor_conv_1x1~0|none~1|+|avg_pool_3x3~0|nor_conv_3x3~1|none~2|");

        var group = Assert.Single(space.Groups);
        Assert.Equal(6, group.Cells.Length);
        var selected = NasBench201Architecture.ToModelArchitecture(space, architecture);
        space.Select(selected);
        Assert.All(group.Cells, cell => Assert.Equal(architecture, ((NasBench201Cell)cell).SelectedArchitecture));
        Assert.Equal(architecture, NasBench201Architecture.FromModelArchitecture(space, selected));
    }

    [Fact]
    public void A_cells_output_is_zero_exactly_when_it_is_not_connected()
    {
        var cell = new NasBench201Cell(2);
        using var input = randn(2, 2, 4, 4);
        foreach (var architecture in RandomArchitectures(60, seed: 4).Concat(UniformArchitectures()))
        {
            cell.SelectedArchitecture = architecture;
            using var output = cell.call(input);
            Assert.Equal(NasBench201Architecture.IsConnected(architecture), output.abs().sum().ToDouble() > 0);
        }
    }

    [Fact]
    public void The_network_exports_as_plain_code_with_the_chosen_operations_and_the_helpers_they_need()
    {
        var network = new NasBench201Network(cellsPerStage: 1, channels: 2);
        var space = ModelSearchSpace.Of(network);
        var architecture = NasBench201Architecture.Parse("|nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_1x1~1|none~2|");

        string text = new ModelExporter().Render(network, NasBench201Architecture.ToModelArchitecture(space, architecture)).Text;

        Assert.Contains("register_module(\"Node1From0_NorConv3x3\"", text);
        Assert.Contains("register_module(\"Node3From2_None\"", text);
        Assert.DoesNotContain("Node1From0_NorConv1x1", text);
        Assert.Contains("public sealed class ResidualBlock", text);
        Assert.Contains("public static nn.Module<Tensor, Tensor> ReluConvBn(", text);
    }

    [Theory]
    [InlineData(1, 2, 10, 3)]
    [InlineData(2, 3, 4, 1)]
    public void The_parameter_count_from_the_string_is_the_chosen_paths_parameter_count(int cellsPerStage, int channels, int classes, int inputChannels)
    {
        var network = new NasBench201Network(cellsPerStage, channels, classes, inputChannels);
        var space = ModelSearchSpace.Of(network);
        foreach (var architecture in RandomArchitectures(30, seed: cellsPerStage).Concat(UniformArchitectures()))
        {
            space.Select(NasBench201Architecture.ToModelArchitecture(space, architecture));
            Assert.Equal(ChosenPathParameters(network, architecture),
                NasBench201Parameters.Count(architecture, cellsPerStage, channels, classes, inputChannels));
        }
    }

    [Fact]
    public void The_benchmarks_network_has_its_published_extremes_of_0_07_and_1_53_million_parameters()
    {
        var network = new NasBench201Network();
        var none = Uniform(Operation.None);
        var convolutions = Uniform(Operation.NorConv3x3);

        Assert.Equal(ChosenPathParameters(network, none), NasBench201Parameters.Count(none));
        Assert.Equal(ChosenPathParameters(network, convolutions), NasBench201Parameters.Count(convolutions));
        Assert.Equal(73_306, NasBench201Parameters.Count(none));
        Assert.Equal(1_531_546, NasBench201Parameters.Count(convolutions));
        Assert.Equal(NasBench201Parameters.Skeleton(), NasBench201Parameters.Count(none));
    }

    // The parameters of the exported model: every parameter but those of the candidates the architecture leaves out,
    // which the contract registers in each cell as {Member}_{Candidate}.
    private static long ChosenPathParameters(NasBench201Network network, NasBench201CellArchitecture architecture)
    {
        var choices = NasBench201Cell.Space.Choices;
        var chosen = NasBench201Architecture.Edges(architecture);
        var dropped = choices.SelectMany((choice, c) => choice.Options
            .Where((_, o) => o != (int)chosen[c])
            .Select(option => $"{choice.Name}_{option}")).ToHashSet();
        return network.named_parameters()
            .Where(p => !p.name.Split('.').Any(dropped.Contains))
            .Sum(p => p.parameter.numel());
    }

    private static IEnumerable<NasBench201CellArchitecture> RandomArchitectures(int count, int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
            yield return NasBench201Architecture.FromEdges(
                Enumerable.Range(0, NasBench201Architecture.EdgeCount).Select(_ => (Operation)random.Next(5)).ToArray());
    }

    private static IEnumerable<NasBench201CellArchitecture> UniformArchitectures() =>
        Enum.GetValues<Operation>().Select(Uniform);

    private static NasBench201CellArchitecture Uniform(Operation operation) =>
        NasBench201Architecture.FromEdges(Enumerable.Repeat(operation, NasBench201Architecture.EdgeCount).ToArray());
}
