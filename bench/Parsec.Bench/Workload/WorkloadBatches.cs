using System;
using System.Linq;
using Parsec.Data;
using Parsec.Samples.FashionMnist;
using static TorchSharp.torch;

namespace Parsec.Bench.Workload;

/// <summary>
/// The workload's data: batch t is training images <c>t*B .. t*B+B-1</c> in file order, wrapping around at the end
/// of what was read, normalised as <c>(x/255 - 0.2860)/0.3530</c>. Every batch is converted up front, so no step
/// timing includes data work.
/// </summary>
public sealed class WorkloadBatches : IDisposable
{
    private readonly Batch[] batches;

    /// <summary>Reads only the first <c>batchSize * count</c> images (fewer if the file has fewer) and builds <paramref name="count"/> batches.</summary>
    public WorkloadBatches(int batchSize, int count, string folder = FashionMnistData.DebianFolder)
    {
        var split = FashionMnistData.LoadTraining(folder, batchSize * count);
        using var scope = NewDisposeScope();
        var (images, labels) = split.ToTensors();
        batches = Enumerable.Range(0, count).Select(t =>
        {
            var indices = arange((long)t * batchSize, (long)(t + 1) * batchSize, ScalarType.Int64).remainder_(split.Count);
            return new Batch(images.index_select(0, indices).MoveToOuterDisposeScope(),
                labels.index_select(0, indices).MoveToOuterDisposeScope());
        }).ToArray();
    }

    /// <summary>Batch <paramref name="step"/>.</summary>
    public Batch this[int step] => batches[step];

    public void Dispose()
    {
        foreach (var batch in batches)
        {
            batch.Inputs.Dispose();
            batch.Labels.Dispose();
        }
    }
}
