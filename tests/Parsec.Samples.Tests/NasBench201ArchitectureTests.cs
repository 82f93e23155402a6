using System;
using System.Linq;
using Parsec.Samples.NasBench201;
using Xunit;
using Operation = Parsec.Samples.NasBench201.NasBench201CellArchitecture.NasBench201OpsCandidate;

namespace Parsec.Samples.Tests;

/// <summary>NasBench201Architecture: the benchmark's string form, the enumerated space and connectivity.</summary>
public sealed class NasBench201ArchitectureTests
{
    private const string Example = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";

    [Fact]
    public void The_operation_names_are_the_candidates_in_snake_case()
    {
        var candidates = Enum.GetNames<Operation>();
        Assert.Equal(
            candidates.Select(name => name.ToLowerInvariant()),
            NasBench201Architecture.OperationNames.Select(name => name.Replace("_", "", StringComparison.Ordinal)));
        Assert.Equal(candidates, NasBench201Cell.Space.Choices[0].Options);
    }

    [Fact]
    public void The_cells_choices_are_the_six_edges_in_the_strings_order()
    {
        Assert.Equal(
            new[] { "Node1From0", "Node2From0", "Node2From1", "Node3From0", "Node3From1", "Node3From2" },
            NasBench201Cell.Space.Choices.Select(choice => choice.Name));
        Assert.Equal(NasBench201Architecture.SpaceSize, (int)NasBench201Cell.Space.Size);
    }

    [Fact]
    public void A_benchmark_string_reads_edge_by_edge()
    {
        var architecture = NasBench201Architecture.Parse(Example);

        Assert.Equal(
            new NasBench201CellArchitecture(
                Operation.NorConv3x3, Operation.NorConv3x3, Operation.AvgPool3x3,
                Operation.SkipConnect, Operation.NorConv3x3, Operation.SkipConnect),
            architecture);
        Assert.Equal(Example, NasBench201Architecture.ToBenchmarkString(architecture));
    }

    [Fact]
    public void Every_cell_of_the_space_round_trips_through_its_string()
    {
        var cells = NasBench201Architecture.All().ToList();
        var strings = cells.Select(NasBench201Architecture.ToBenchmarkString).ToList();

        Assert.Equal(NasBench201Architecture.SpaceSize, cells.Distinct().Count());
        Assert.Equal(NasBench201Architecture.SpaceSize, strings.Distinct().Count());
        for (int i = 0; i < cells.Count; i++)
        {
            Assert.Equal(cells[i], NasBench201Architecture.Parse(strings[i]));
            Assert.Equal(strings[i], NasBench201Architecture.ToBenchmarkString(NasBench201Architecture.Parse(strings[i])));
        }
    }

    [Theory]
    [InlineData("", "1 node group(s)")]
    [InlineData("|none~0|+|none~0|none~1|", "2 node group(s) separated by '+', not 3")]
    [InlineData("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|+|none~0|", "4 node group(s)")]
    [InlineData("none~0|+|none~0|none~1|+|none~0|none~1|none~2|", "the group of node 1, 'none~0|', does not start and end with '|'")]
    [InlineData("|none~0|+|none~0|+|none~0|none~1|none~2|", "node 2 has 1 edge(s), not 2")]
    [InlineData("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|none~3|", "node 3 has 4 edge(s), not 3")]
    [InlineData("|conv_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|", "'conv_3x3' is not an operation")]
    [InlineData("|none~0|+|none~0|none~1|+|none~0|none~1|None~2|", "'None' is not an operation")]
    [InlineData("|none|+|none~0|none~1|+|none~0|none~1|none~2|", "the edge 'none' into node 1 is not of the form op~0")]
    [InlineData("|none~0|+|none~1|none~0|+|none~0|none~1|none~2|", "edge 1 of node 2, 'none~1', must come from node 0")]
    [InlineData("|none~0|+|none~0|none~1|+|none~0|none~1|none~2| ", "does not start and end with '|'")]
    public void A_malformed_string_says_what_is_wrong_and_the_form(string text, string problem)
    {
        var error = Assert.Throws<FormatException>(() => NasBench201Architecture.Parse(text));

        Assert.Contains(problem, error.Message);
        Assert.Contains("The form is |op~0|+|op~0|op~1|+|op~0|op~1|op~2|", error.Message);
        Assert.Contains("none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3", error.Message);
    }

    [Theory]
    // Every edge none, and only the paths 0 -> 1 or 0 -> 2 without a way on to node 3.
    [InlineData("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|", false)]
    [InlineData("|skip_connect~0|+|nor_conv_3x3~0|none~1|+|none~0|none~1|none~2|", false)]
    // Node 1 and node 2 reach node 3 only from a node the input does not reach.
    [InlineData("|none~0|+|none~0|skip_connect~1|+|none~0|nor_conv_1x1~1|avg_pool_3x3~2|", false)]
    // The direct edge 0 -> 3; the path 0 -> 1 -> 3; the path 0 -> 1 -> 2 -> 3; the path 0 -> 2 -> 3.
    [InlineData("|none~0|+|none~0|none~1|+|avg_pool_3x3~0|none~1|none~2|", true)]
    [InlineData("|nor_conv_1x1~0|+|none~0|none~1|+|none~0|skip_connect~1|none~2|", true)]
    [InlineData("|skip_connect~0|+|none~0|nor_conv_3x3~1|+|none~0|none~1|skip_connect~2|", true)]
    [InlineData("|none~0|+|avg_pool_3x3~0|none~1|+|none~0|none~1|nor_conv_3x3~2|", true)]
    [InlineData(Example, true)]
    public void A_cell_is_connected_when_a_path_of_edges_other_than_none_leads_from_input_to_output(string text, bool connected) =>
        Assert.Equal(connected, NasBench201Architecture.IsConnected(NasBench201Architecture.Parse(text)));

    [Fact]
    public void As_many_cells_are_not_connected_as_the_benchmark_scores_at_chance() =>
        // The CIFAR-10 table lists 341 cells at exactly 10.00%.
        Assert.Equal(341, NasBench201Architecture.All().Count(cell => !NasBench201Architecture.IsConnected(cell)));

    [Fact]
    public void Edges_and_FromEdges_are_inverse_and_FromEdges_refuses_another_count()
    {
        var architecture = NasBench201Architecture.Parse(Example);
        Assert.Equal(architecture, NasBench201Architecture.FromEdges(NasBench201Architecture.Edges(architecture)));

        var error = Assert.Throws<ArgumentException>(() => NasBench201Architecture.FromEdges(new Operation[5]));
        Assert.Contains("6 edges, not 5", error.Message);
    }
}
