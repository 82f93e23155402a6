using System.Collections.Generic;
using System.Linq;
using Parsec.Data;
using Parsec.Samples.FashionMnist;
using Parsec.SearchSpace;
using static TorchSharp.torch;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>
/// How well a search's shared weights rank a table's cells: each cell's held-out loss on the supernet against its
/// accuracy trained alone, as Kendall τ over all cells and over the connected ones (a cell whose <c>none</c> edges cut
/// the input off the output scores chance both ways, so ranking those last is easy and lifts τ).
/// </summary>
public static class SupernetTau
{
    /// <summary>
    /// Images a batch when scoring a cell: BatchNorm normalises each batch by its own statistics (as in the search), and
    /// larger batches give steadier statistics and faster passes than the search's.
    /// </summary>
    public const int ScoringBatch = 250;

    /// <summary>Each of <paramref name="rows"/>' held-out loss on <paramref name="space"/>'s shared weights.</summary>
    public static IReadOnlyList<double> Losses(ModelSearchSpace space, IReadOnlyList<NasBench201Row> rows, LabeledDataset heldOut) =>
        rows.Select(row => Loss(space, row.Architecture, heldOut)).ToList();

    /// <summary>One cell's mean loss on <paramref name="heldOut"/> with <paramref name="space"/>'s shared weights.</summary>
    public static double Loss(ModelSearchSpace space, NasBench201CellArchitecture cell, LabeledDataset heldOut) =>
        SupernetRanking.Loss(space, NasBench201Architecture.ToModelArchitecture(space, cell), heldOut, ScoringBatch, new ClassificationEvaluation(), CPU);

    /// <summary>
    /// τ between the supernet's ranking (lower held-out loss first) and the accuracy trained alone, over
    /// <paramref name="rows"/> and <paramref name="losses"/> paired in order, or over their connected cells alone.
    /// </summary>
    public static double Tau(IReadOnlyList<NasBench201Row> rows, IReadOnlyList<double> losses, bool connectedOnly)
    {
        var kept = Enumerable.Range(0, rows.Count).Where(i => !connectedOnly || NasBench201Architecture.IsConnected(rows[i].Architecture)).ToList();
        return SupernetRanking.KendallTau(kept.Select(i => -losses[i]).ToList(), kept.Select(i => rows[i].Accuracy).ToList());
    }
}
