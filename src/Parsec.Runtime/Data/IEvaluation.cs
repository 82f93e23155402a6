using static TorchSharp.torch;

namespace Parsec.Data;

/// <summary>How a strategy scores the model on a batch: the summed loss (with its graph) and the correct count.</summary>
public interface IEvaluation
{
    /// <summary>Runs the model on <paramref name="batch"/>; the loss is summed over the batch, not averaged.</summary>
    BatchEvaluation Evaluate(nn.Module<Tensor, Tensor> model, Batch batch);
}
