using System.Collections.Immutable;
using Parsec.SearchSpace;

namespace Parsec.Search;

/// <summary>What one PARSEC estimate produced (the weight gradients are left in the parameters' <c>.grad</c>).</summary>
/// <param name="Samples">The K sampled architectures.</param>
/// <param name="TrainingWeights">ω on the training batch, which weighted the weight gradients.</param>
/// <param name="ArchitectureWeights">ω used for π (the validation batch's, or the training batch's).</param>
/// <param name="ArchitectureGradient">g = Σ (ω_s − b) ∇π log p(α_s|π), b the baseline (<see cref="ParsecOptions.ScoreBaseline"/>).</param>
/// <param name="Loss">Σ ω_s × the mean training loss of sample s.</param>
/// <param name="Accuracy">Σ ω_s × the training accuracy of sample s.</param>
internal sealed record ParsecEstimate(
    ImmutableArray<ModelArchitecture> Samples,
    ImmutableArray<double> TrainingWeights,
    ImmutableArray<double> ArchitectureWeights,
    ArchitectureGradient ArchitectureGradient,
    double Loss,
    double Accuracy)
{
    /// <summary>1 / Σ ω² of the architecture weights.</summary>
    public double EffectiveSampleSize => OnlineImportanceWeights.EffectiveSampleSize(ArchitectureWeights);
}
