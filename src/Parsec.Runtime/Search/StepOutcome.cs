namespace Parsec.Search;

/// <summary>What a step measured.</summary>
/// <param name="Loss">The mean training loss (PARSEC: weighted by the samples' importance weights).</param>
/// <param name="Accuracy">The training accuracy, weighted like the loss.</param>
/// <param name="EffectiveSampleSize">PARSEC: 1/Σω² of the architecture update's weights; 1 for one sample; NaN when not applicable.</param>
public sealed record StepOutcome(double Loss, double Accuracy, double EffectiveSampleSize);
