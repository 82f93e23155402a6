using System;
using System.Collections.Generic;
using System.Linq;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>One cell to train for a table: the cell and the seed of its weights and batches.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Seed">The training seed; a table's rows use seed 1, its repeats another.</param>
public sealed record TableEntry(NasBench201CellArchitecture Cell, long Seed)
{
    /// <summary>
    /// The entry's trial name: the seed and the cell's six operations as the indices of
    /// <see cref="NasBench201Architecture.OperationNames"/>, such as <c>s1-302130</c>.
    /// </summary>
    public string TrialId => $"s{Seed}-{string.Concat(NasBench201Architecture.Edges(Cell).Select(operation => (int)operation))}";
}

/// <summary>Which cells a ground-truth table holds.</summary>
public static class TablePlan
{
    /// <summary>The uniformly random cells of the committed table (data/fashion-mnist.csv).</summary>
    public const int CommittedRandomCells = 50;

    /// <summary>The seed that picks the random cells unless told otherwise.</summary>
    public const int SampleSeed = 201;

    /// <summary>
    /// <paramref name="count"/> distinct cells drawn uniformly from the 15,625 by a generator seeded with
    /// <paramref name="seed"/>: the same list every time, so a resumed build trains the same cells.
    /// </summary>
    public static IReadOnlyList<NasBench201CellArchitecture> RandomCells(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var all = NasBench201Architecture.All().ToArray();
        if (count > all.Length) throw new ArgumentOutOfRangeException(nameof(count), count, $"The space has {all.Length} cells.");
        var random = new Random(seed);
        var picked = new List<NasBench201CellArchitecture>(count);
        var seen = new HashSet<int>();
        while (picked.Count < count)
        {
            int index = random.Next(all.Length);
            if (seen.Add(index)) picked.Add(all[index]);
        }
        return picked;
    }
}
