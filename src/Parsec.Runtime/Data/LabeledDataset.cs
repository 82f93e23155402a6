using System;
using static TorchSharp.torch;

namespace Parsec.Data;

/// <summary>
/// An in-memory dataset: inputs <c>[N, ...]</c> and their targets, either int64 class indices <c>[N]</c> (the
/// constructor, scored by <see cref="ClassificationEvaluation"/>) or floating-point regression targets <c>[N, ...]</c>
/// (<see cref="ForRegression"/>, scored by <see cref="RegressionEvaluation"/>). The caller owns the tensors.
/// </summary>
public sealed class LabeledDataset
{
    /// <summary>
    /// Wraps <paramref name="inputs"/> and their int64 class indices <paramref name="labels"/> <c>[N]</c>. Empty or
    /// misaligned data, or labels of another type, is an <see cref="ArgumentException"/> (floating-point targets say
    /// to use <see cref="ForRegression"/>).
    /// </summary>
    public LabeledDataset(Tensor inputs, Tensor labels)
    {
        CheckAligned(inputs, labels, nameof(labels));
        if (labels.dim() != 1)
            throw new ArgumentException(
                $"The labels must have shape [{inputs.shape[0]}] to match the inputs, not {ShapeText(labels)}.", nameof(labels));
        if (labels.dtype != ScalarType.Int64)
            throw new ArgumentException(
                $"The labels must be int64 class indices, not {labels.dtype}. For regression targets use LabeledDataset.ForRegression " +
                "and SearchOptions.Evaluation = new RegressionEvaluation().", nameof(labels));
        Inputs = inputs;
        Labels = labels;
    }

    private LabeledDataset(Tensor inputs, Tensor targets, bool isRegression)
    {
        Inputs = inputs;
        Labels = targets;
        IsRegression = isRegression;
    }

    /// <summary>
    /// Wraps <paramref name="inputs"/> and floating-point regression <paramref name="targets"/> of any shape
    /// <c>[N, ...]</c>, each target shaped like the model's prediction for its input. Empty or misaligned data, or
    /// targets that are not floating point, is an <see cref="ArgumentException"/>.
    /// </summary>
    public static LabeledDataset ForRegression(Tensor inputs, Tensor targets)
    {
        CheckAligned(inputs, targets, nameof(targets));
        if (!targets.is_floating_point())
            throw new ArgumentException(
                $"Regression targets must be floating point, not {targets.dtype}. For class indices use new LabeledDataset(inputs, labels) " +
                "with ClassificationEvaluation; for numeric targets pass targets.to(float32).", nameof(targets));
        return new LabeledDataset(inputs, targets, isRegression: true);
    }

    /// <summary>The inputs, <c>[N, ...]</c>.</summary>
    public Tensor Inputs { get; }

    /// <summary>The targets: int64 class indices <c>[N]</c>, or floating-point regression targets <c>[N, ...]</c>.</summary>
    public Tensor Labels { get; }

    /// <summary>Whether <see cref="Labels"/> are regression targets (<see cref="ForRegression"/>) rather than class indices.</summary>
    public bool IsRegression { get; }

    /// <summary>N.</summary>
    public int Count => (int)Inputs.shape[0];

    private static void CheckAligned(Tensor inputs, Tensor targets, string targetsName)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets, targetsName);
        if (inputs.dim() == 0 || inputs.shape[0] == 0)
            throw new ArgumentException("The dataset is empty: pass inputs of shape [N, ...] with N > 0.", nameof(inputs));
        if (targets.dim() == 0 || targets.shape[0] != inputs.shape[0])
            throw new ArgumentException(
                $"The {targetsName} must have {inputs.shape[0]} rows to match the inputs, not shape {ShapeText(targets)}.", targetsName);
    }

    internal static string ShapeText(Tensor tensor) => $"[{string.Join(", ", tensor.shape)}]";
}
