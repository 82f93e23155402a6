using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Parsec.SearchSpace;
using Operation = Parsec.Samples.NasBench201.NasBench201CellArchitecture.NasBench201OpsCandidate;

namespace Parsec.Samples.NasBench201;

/// <summary>
/// The benchmark's string form of a <see cref="NasBench201CellArchitecture"/>, for example
/// <c>|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|</c>: one group
/// per node 1, 2, 3 joined by <c>+</c>, each group listing <c>op~i</c> for the edge from every earlier node i in
/// order, each entry between bars. Also the edges as a list, the whole space, and whether a cell is connected.
/// </summary>
public static class NasBench201Architecture
{
    /// <summary>The number of edges of a cell: 1 into node 1, 2 into node 2, 3 into node 3.</summary>
    public const int EdgeCount = 6;

    /// <summary>The number of cells in the space, 5^6.</summary>
    public const int SpaceSize = 15_625;

    /// <summary>The benchmark's operation names, indexed by the candidate's position in <see cref="NasBench201Ops"/>.</summary>
    public static ImmutableArray<string> OperationNames { get; } =
        ImmutableArray.Create("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3");

    // The string's form, for error messages.
    private const string Form = "|op~0|+|op~0|op~1|+|op~0|op~1|op~2|";

    /// <summary>The edges in the string's order: 1&lt;-0, 2&lt;-0, 2&lt;-1, 3&lt;-0, 3&lt;-1, 3&lt;-2.</summary>
    public static ImmutableArray<Operation> Edges(NasBench201CellArchitecture architecture) =>
        ImmutableArray.Create(
            architecture.Node1From0, architecture.Node2From0, architecture.Node2From1,
            architecture.Node3From0, architecture.Node3From1, architecture.Node3From2);

    /// <summary>The architecture with <paramref name="edges"/> in the order of <see cref="Edges"/>; any other count is an <see cref="ArgumentException"/>.</summary>
    public static NasBench201CellArchitecture FromEdges(IReadOnlyList<Operation> edges)
    {
        if (edges.Count != EdgeCount)
            throw new ArgumentException($"A NAS-Bench-201 cell has {EdgeCount} edges, not {edges.Count}.", nameof(edges));
        return new NasBench201CellArchitecture(edges[0], edges[1], edges[2], edges[3], edges[4], edges[5]);
    }

    /// <summary>Every cell of the space, with the last edge (3&lt;-2) varying fastest and operations in candidate order.</summary>
    public static IEnumerable<NasBench201CellArchitecture> All()
    {
        int operations = OperationNames.Length;
        for (int index = 0; index < SpaceSize; index++)
        {
            var edges = new Operation[EdgeCount];
            int rest = index;
            for (int edge = EdgeCount - 1; edge >= 0; edge--, rest /= operations)
                edges[edge] = (Operation)(rest % operations);
            yield return FromEdges(edges);
        }
    }

    /// <summary>The benchmark's string of <paramref name="architecture"/>.</summary>
    public static string ToBenchmarkString(NasBench201CellArchitecture architecture)
    {
        var edges = Edges(architecture);
        var text = new StringBuilder("|");
        int edge = 0;
        for (int node = 1; node <= 3; node++)
        {
            if (node > 1) text.Append("+|");
            for (int from = 0; from < node; from++)
                text.Append(OperationNames[(int)edges[edge++]]).Append('~').Append(from).Append('|');
        }
        return text.ToString();
    }

    /// <summary>
    /// Reads the benchmark's string exactly (no spaces; edges into a node in the order of their source node). Anything
    /// else is a <see cref="FormatException"/> saying what is wrong and what the form is.
    /// </summary>
    public static NasBench201CellArchitecture Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nodes = text.Split('+');
        if (nodes.Length != 3)
            throw Malformed(text, $"it has {nodes.Length} node group(s) separated by '+', not 3");
        var edges = new List<Operation>(EdgeCount);
        for (int node = 1; node <= 3; node++)
        {
            string group = nodes[node - 1];
            if (group.Length < 2 || group[0] != '|' || group[^1] != '|')
                throw Malformed(text, $"the group of node {node}, '{group}', does not start and end with '|'");
            var entries = group[1..^1].Split('|');
            if (entries.Length != node)
                throw Malformed(text, $"node {node} has {entries.Length} edge(s), not {node}");
            for (int from = 0; from < node; from++)
                edges.Add(ParseEdge(text, node, from, entries[from]));
        }
        return FromEdges(edges);
    }

    /// <summary>
    /// Whether the input reaches the output through edges that are not <c>none</c>; the benchmark scores a cell that is
    /// not connected as chance (10% on CIFAR-10), since its output is zeros whatever the image.
    /// </summary>
    public static bool IsConnected(NasBench201CellArchitecture architecture)
    {
        bool node1 = architecture.Node1From0 != Operation.None;
        bool node2 = architecture.Node2From0 != Operation.None || (node1 && architecture.Node2From1 != Operation.None);
        return architecture.Node3From0 != Operation.None
            || (node1 && architecture.Node3From1 != Operation.None)
            || (node2 && architecture.Node3From2 != Operation.None);
    }

    /// <summary>
    /// The architecture of <paramref name="space"/> (a model whose only search cell type is <see cref="NasBench201Cell"/>,
    /// such as <see cref="NasBench201Network"/>) in which every cell runs <paramref name="architecture"/>.
    /// </summary>
    public static ModelArchitecture ToModelArchitecture(ModelSearchSpace space, NasBench201CellArchitecture architecture)
    {
        RequireOnlyNasBench201Cells(space);
        return new ModelArchitecture(ImmutableArray.Create(architecture.ToCellArchitecture()));
    }

    /// <summary>The cell architecture of <paramref name="architecture"/>, an architecture of <paramref name="space"/> (see <see cref="ToModelArchitecture"/>).</summary>
    public static NasBench201CellArchitecture FromModelArchitecture(ModelSearchSpace space, ModelArchitecture architecture)
    {
        RequireOnlyNasBench201Cells(space);
        return NasBench201CellArchitecture.FromCellArchitecture(architecture.Cells[0]);
    }

    private static void RequireOnlyNasBench201Cells(ModelSearchSpace space)
    {
        if (space.Groups.Length != 1 || !space.Groups[0].Space.Equals(NasBench201Cell.Space))
            throw new ArgumentException(
                $"The model {space.Model.GetType().Name} must have NasBench201Cell as its only search cell type, shared by every " +
                $"instance; its cell groups are {string.Join(", ", space.Groups.Select(group => group.Key))}.", nameof(space));
    }

    private static Operation ParseEdge(string text, int node, int from, string entry)
    {
        int tilde = entry.IndexOf('~');
        if (tilde < 0)
            throw Malformed(text, $"the edge '{entry}' into node {node} is not of the form op~{from}");
        string name = entry[..tilde];
        int operation = OperationNames.IndexOf(name);
        if (operation < 0)
            throw Malformed(text, $"'{name}' is not an operation; the operations are {string.Join(", ", OperationNames)}");
        if (entry[(tilde + 1)..] != from.ToString(System.Globalization.CultureInfo.InvariantCulture))
            throw Malformed(text, $"edge {from + 1} of node {node}, '{entry}', must come from node {from} (written {name}~{from})");
        return (Operation)operation;
    }

    private static FormatException Malformed(string text, string problem) =>
        new($"'{text}' is not a NAS-Bench-201 cell: {problem}. The form is {Form}, op being one of {string.Join(", ", OperationNames)}.");
}
