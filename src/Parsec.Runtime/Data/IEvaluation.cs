using static TorchSharp.torch;

namespace Parsec.Data;

/// <summary>
/// How a strategy scores the model on a batch: the summed loss (with its graph), which PARSEC reads as a negative
/// log-likelihood (its likelihood is exp(−loss/T)), and the correct count (0 when nothing is classified).
/// <see cref="ClassificationEvaluation"/> and <see cref="RegressionEvaluation"/> are the runtime's.
/// </summary>
public interface IEvaluation
{
    /// <summary>Runs the model on <paramref name="batch"/>; the loss is summed over the batch, not averaged.</summary>
    BatchEvaluation Evaluate(nn.Module<Tensor, Tensor> model, Batch batch);
}
