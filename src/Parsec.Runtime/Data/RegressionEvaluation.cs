using System;
using System.Linq;
using static TorchSharp.torch;

namespace Parsec.Data;

/// <summary>
/// Regression under a Gaussian likelihood: the model predicts the mean of targets with noise variance σ², and the
/// summed loss is Σ (prediction − target)² / (2σ²), the negative log-likelihood up to a constant. PARSEC's
/// likelihood exp(−loss/T) is then, at T = 1, the Gaussian's (the constant cancels in the importance weights).
/// The targets come from <see cref="LabeledDataset.ForRegression"/>, shaped like the model's output;
/// <see cref="BatchEvaluation.Correct"/> is always 0, as nothing is classified. The evaluation holds no state, so the
/// same instance can score a retraining loop of an exported model.
/// </summary>
public sealed class RegressionEvaluation : IEvaluation
{
    /// <summary>Noise variance σ² = 1: the summed loss is half the summed squared error.</summary>
    public RegressionEvaluation() : this(1) { }

    /// <summary>The Gaussian likelihood with noise variance <paramref name="noiseVariance"/> (σ², not σ).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="noiseVariance"/> is not positive and finite.</exception>
    public RegressionEvaluation(double noiseVariance)
    {
        if (!(noiseVariance > 0 && double.IsFinite(noiseVariance)))
            throw new ArgumentOutOfRangeException(nameof(noiseVariance), noiseVariance,
                "The noise variance σ² is how far targets scatter around the model's prediction: pass a positive finite number, " +
                "such as 1 (the default) or the variance of the residuals you expect.");
        NoiseVariance = noiseVariance;
    }

    /// <summary>σ², the variance of the targets around the prediction.</summary>
    public double NoiseVariance { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">
    /// The batch holds int64 class indices rather than regression targets, or the model's prediction is not shaped
    /// like the targets (broadcasting them would score the wrong pairs).
    /// </exception>
    public BatchEvaluation Evaluate(nn.Module<Tensor, Tensor> model, Batch batch)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        if (!batch.Labels.is_floating_point())
            throw new ArgumentException(
                $"RegressionEvaluation needs floating-point regression targets, but the batch holds {batch.Labels.dtype} class indices: " +
                "use ClassificationEvaluation for classification, or LabeledDataset.ForRegression with floating-point targets.", nameof(batch));
        var predictions = model.forward(batch.Inputs);
        if (!predictions.shape.SequenceEqual(batch.Labels.shape))
            throw new ArgumentException(
                $"The model predicts shape {LabeledDataset.ShapeText(predictions)} but the targets have shape {LabeledDataset.ShapeText(batch.Labels)}: " +
                "give the targets the prediction's shape (one output per example: targets of shape [N, 1]).", nameof(batch));
        var summedLoss = predictions.sub(batch.Labels).square().sum().div(2 * NoiseVariance);
        return new BatchEvaluation(summedLoss, Correct: 0);
    }
}
