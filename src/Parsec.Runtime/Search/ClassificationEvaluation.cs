using static TorchSharp.torch;

namespace Parsec.Search;

/// <summary>Cross-entropy over class logits <c>[B, classes]</c> and argmax accuracy.</summary>
public sealed class ClassificationEvaluation : IEvaluation
{
    /// <inheritdoc />
    public BatchEvaluation Evaluate(nn.Module<Tensor, Tensor> model, Batch batch)
    {
        var logits = model.forward(batch.Inputs);
        var loss = nn.functional.cross_entropy(logits, batch.Labels, reduction: nn.Reduction.Sum);
        long correct;
        using (no_grad()) correct = logits.argmax(1).eq(batch.Labels).sum().item<long>();
        return new BatchEvaluation(loss, correct);
    }
}
