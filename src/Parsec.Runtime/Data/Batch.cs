using static TorchSharp.torch;

namespace Parsec.Data;

/// <summary>A minibatch on the model's device.</summary>
/// <param name="Inputs">The inputs, <c>[B, ...]</c>.</param>
/// <param name="Labels">The targets: class indices <c>[B]</c> or regression targets <c>[B, ...]</c> (see <see cref="LabeledDataset"/>).</param>
public sealed record Batch(Tensor Inputs, Tensor Labels)
{
    /// <summary>The number of examples.</summary>
    public int Size => (int)Labels.shape[0];
}
