using System;
using static TorchSharp.torch;

namespace Parsec.Data;

/// <summary>Cross-entropy over class logits <c>[B, classes]</c> and argmax accuracy.</summary>
public sealed class ClassificationEvaluation : IEvaluation
{
    private readonly double labelSmoothing;

    /// <summary>Plain cross-entropy against the labels.</summary>
    public ClassificationEvaluation() : this(0) { }

    /// <summary>
    /// Cross-entropy against labels smoothed by <paramref name="labelSmoothing"/>: the target gives that share of its
    /// mass evenly to every class, which discourages over-confident logits. The correct count is unaffected.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="labelSmoothing"/> is outside [0, 1).</exception>
    public ClassificationEvaluation(double labelSmoothing)
    {
        if (!(labelSmoothing >= 0 && labelSmoothing < 1))
            throw new ArgumentOutOfRangeException(nameof(labelSmoothing), labelSmoothing,
                "Label smoothing is the share of the target spread over all classes: pass a value in [0, 1), such as 0.1, or 0 for none.");
        this.labelSmoothing = labelSmoothing;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The batch holds floating-point regression targets rather than int64 class indices.</exception>
    public BatchEvaluation Evaluate(nn.Module<Tensor, Tensor> model, Batch batch)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Labels.dtype != ScalarType.Int64)
            throw new ArgumentException(
                $"ClassificationEvaluation needs int64 class indices, but the batch holds {batch.Labels.dtype} targets: for regression " +
                "targets set SearchOptions.Evaluation = new RegressionEvaluation().", nameof(batch));
        var logits = model.forward(batch.Inputs);
        var loss = nn.functional.cross_entropy(logits, batch.Labels, reduction: nn.Reduction.Sum, label_smoothing: labelSmoothing);
        long correct;
        using (no_grad()) correct = logits.argmax(1).eq(batch.Labels).sum().item<long>();
        return new BatchEvaluation(loss, correct);
    }
}
