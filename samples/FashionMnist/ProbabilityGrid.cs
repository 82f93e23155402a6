using System.Collections.Generic;
using System.Linq;
using Parsec.Search;

namespace Parsec.Samples.FashionMnist;

/// <summary>One cell's final probabilities laid out for its heatmap: a row per choice, a column per candidate.</summary>
/// <param name="Cell">The cell, named by <see cref="ChoiceNames.Cell"/>.</param>
/// <param name="Choices">The row labels: the cell's choices in the distribution's order.</param>
/// <param name="Candidates">The column labels: every option of the cell's choices, in order of first appearance.</param>
/// <param name="Probabilities">[row, column]; NaN where the row's choice does not offer the column's candidate.</param>
public sealed record ProbabilityGrid(string Cell, IReadOnlyList<string> Choices, IReadOnlyList<string> Candidates, double[,] Probabilities)
{
    /// <summary>A grid per distribution key of <paramref name="choices"/>, in the order the keys first appear.</summary>
    public static IReadOnlyList<ProbabilityGrid> PerCell(IEnumerable<ChoiceSummary> choices) =>
        choices.GroupBy(choice => choice.Key).Select(Of).ToList();

    private static ProbabilityGrid Of(IGrouping<string, ChoiceSummary> cell)
    {
        // An input choice drawn independently per slot has a probability row per slot; each gets its own grid row.
        var rows = cell.SelectMany(choice => choice.Probabilities.Select((probabilities, slot) => (
                Label: choice.Probabilities.Length == 1 ? choice.Choice : $"{choice.Choice}[{slot}]",
                choice.Options,
                Probabilities: probabilities)))
            .ToList();
        var candidates = cell.SelectMany(choice => choice.Options).Distinct().ToList();
        var grid = new double[rows.Count, candidates.Count];
        for (int row = 0; row < rows.Count; row++)
        {
            for (int column = 0; column < candidates.Count; column++) grid[row, column] = double.NaN;
            for (int option = 0; option < rows[row].Options.Length; option++)
                grid[row, candidates.IndexOf(rows[row].Options[option])] = rows[row].Probabilities[option];
        }
        return new ProbabilityGrid(ChoiceNames.Cell(cell.Key), rows.Select(row => row.Label).ToList(), candidates, grid);
    }
}
