using System;
using static TorchSharp.torch;

namespace Parsec.Data;

/// <summary>An in-memory labelled dataset: inputs <c>[N, ...]</c> and int64 labels <c>[N]</c>. The caller owns the tensors.</summary>
public sealed class LabeledDataset
{
    /// <summary>Wraps <paramref name="inputs"/> and <paramref name="labels"/>; empty or misaligned data is an <see cref="ArgumentException"/>.</summary>
    public LabeledDataset(Tensor inputs, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(labels);
        if (inputs.dim() == 0 || inputs.shape[0] == 0)
            throw new ArgumentException("The dataset is empty: pass inputs of shape [N, ...] with N > 0.", nameof(inputs));
        if (labels.dim() != 1 || labels.shape[0] != inputs.shape[0])
            throw new ArgumentException(
                $"The labels must have shape [{inputs.shape[0]}] to match the inputs, not [{string.Join(", ", labels.shape)}].", nameof(labels));
        if (labels.dtype != ScalarType.Int64)
            throw new ArgumentException($"The labels must be int64 class indices, not {labels.dtype}.", nameof(labels));
        Inputs = inputs;
        Labels = labels;
    }

    /// <summary>The inputs, <c>[N, ...]</c>.</summary>
    public Tensor Inputs { get; }

    /// <summary>The labels, <c>[N]</c> int64.</summary>
    public Tensor Labels { get; }

    /// <summary>N.</summary>
    public int Count => (int)Inputs.shape[0];
}
