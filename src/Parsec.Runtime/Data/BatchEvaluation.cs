using static TorchSharp.torch;

namespace Parsec.Data;

/// <summary>A model's loss on one batch.</summary>
/// <param name="SummedLoss">The loss summed over the batch: a scalar tensor that keeps its graph for backward.</param>
/// <param name="Correct">
/// How many examples the model classifies correctly; 0 from an evaluation that does not classify, such as
/// <see cref="RegressionEvaluation"/> (the search's reported accuracy is then 0 too).
/// </param>
public sealed record BatchEvaluation(Tensor SummedLoss, long Correct);
