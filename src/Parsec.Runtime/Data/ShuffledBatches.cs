using System;
using System.Linq;
using static TorchSharp.torch;

namespace Parsec.Data;

/// <summary>
/// Endless minibatches of a dataset, reshuffled every epoch. Epoch e's order depends only on the seed and e, so the
/// iterator's whole state is (epoch, position) and a checkpoint can restore it exactly.
/// </summary>
public sealed class ShuffledBatches
{
    private readonly LabeledDataset dataset;
    private readonly long seed;
    private int[] order;

    /// <summary>Creates the iterator; a batch size outside [1, N] is an <see cref="ArgumentException"/>.</summary>
    public ShuffledBatches(LabeledDataset dataset, int batchSize, long seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (batchSize < 1 || batchSize > dataset.Count)
            throw new ArgumentException(
                $"The batch size {batchSize} must be between 1 and the dataset's size {dataset.Count}: lower it or add data.", nameof(batchSize));
        this.dataset = dataset;
        this.seed = seed;
        BatchSize = batchSize;
        order = OrderOf(0);
    }

    /// <summary>Examples per batch.</summary>
    public int BatchSize { get; }

    /// <summary>The current epoch.</summary>
    public int Epoch { get; private set; }

    /// <summary>The index of the next example in the current epoch's order.</summary>
    public int Position { get; private set; }

    /// <summary>Moves to a saved (epoch, position).</summary>
    public void Restore(int epoch, int position)
    {
        Epoch = epoch;
        Position = position;
        order = OrderOf(epoch);
    }

    /// <summary>The next full batch, on <paramref name="device"/>; a partial batch at an epoch's end is dropped.</summary>
    public Batch Next(Device device)
    {
        if (Position + BatchSize > order.Length) Restore(Epoch + 1, 0);
        var indices = tensor(order.Skip(Position).Take(BatchSize).Select(i => (long)i).ToArray(), int64, dataset.Inputs.device);
        Position += BatchSize;
        return new Batch(
            dataset.Inputs.index_select(0, indices).to(device),
            dataset.Labels.index_select(0, indices.to(dataset.Labels.device)).to(device));
    }

    private int[] OrderOf(int epoch) => new SearchRandom(seed ^ ((long)epoch * 0x5DEECE66DL + 11)).Permutation(dataset.Count);
}
