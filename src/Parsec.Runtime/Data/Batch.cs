using static TorchSharp.torch;

namespace Parsec.Data;

/// <summary>A minibatch on the model's device.</summary>
public sealed record Batch(Tensor Inputs, Tensor Labels)
{
    /// <summary>The number of examples.</summary>
    public int Size => (int)Labels.shape[0];
}
