namespace Parsec.Search;

/// <summary>What one search step measured.</summary>
/// <param name="Loss">The mean training loss (PARSEC: weighted by the samples' importance weights).</param>
/// <param name="Accuracy">The training accuracy, weighted like the loss; 0 under an evaluation that does not classify (<see cref="Parsec.Data.RegressionEvaluation"/>).</param>
/// <param name="EffectiveSampleSize">PARSEC: 1/Σω² of the architecture update's weights; 1 for one sample; NaN when not applicable.</param>
/// <param name="Entropy">The entropy of the strategy's belief over architectures after the step, in nats.</param>
public sealed record StepFigures(double Loss, double Accuracy, double EffectiveSampleSize, double Entropy);
