using System.Collections.Generic;
using System.Linq;
using Parsec.Search;
using Parsec.SearchSpace;

namespace Parsec.Samples.FashionMnist;

/// <summary>Short, readable names for the console, plots and report: <c>NormalCell.Node0Op[1]</c> rather than the full key.</summary>
public static class ChoiceNames
{
    /// <summary>The cell's type name without its namespace (a per-instance key keeps its module path).</summary>
    public static string Cell(string key)
    {
        int at = key.IndexOf('@');
        string type = at < 0 ? key : key[..at], path = at < 0 ? "" : key[at..];
        return type[(type.LastIndexOf('.') + 1)..] + path;
    }

    /// <summary><c>Cell.Choice</c>.</summary>
    public static string Of(ChoiceSummary choice) => $"{Cell(choice.Key)}.{choice.Choice}";

    /// <summary>One line per cell: <c>NormalCell: Node0Inputs=[s0, s1], ...</c>.</summary>
    public static IEnumerable<string> Lines(ModelArchitecture architecture, ModelSearchSpace space) =>
        space.Groups.Select((group, g) => $"{Cell(group.Key)}: {architecture.Cells[g].ToString(group.Space)}");
}
