namespace Parsec.Search;

/// <summary>Settings of <see cref="ParsecStrategy"/>.</summary>
public sealed record ParsecOptions
{
    /// <summary>K, the architectures sampled per step.</summary>
    public int Samples { get; init; } = 4;

    /// <summary>The likelihood temperature T in ℓ = −CE_sum / T; 1 is the paper's estimator.</summary>
    public double LikelihoodTemperature { get; init; } = 1.0;

    /// <summary>Adam's learning rate for the logits π.</summary>
    public double ArchitectureLearningRate { get; init; } = 3e-3;

    /// <summary>Adam's β1 for π.</summary>
    public double ArchitectureBeta1 { get; init; } = 0.5;

    /// <summary>Adam's β2 for π.</summary>
    public double ArchitectureBeta2 { get; init; } = 0.999;

    /// <summary>
    /// Subtract the uniform weight 1/K from every ω_s in π's gradient: Σ (ω_s − 1/K) ∇ log p(α_s|π). The subtracted
    /// term, (1/K) Σ ∇ log p(α_s|π), has expectation zero under p, so the estimate keeps its mean; what goes is the
    /// noise that term carries, which is most of the estimate when the K samples score alike (a high temperature, or
    /// an early search). Without it Adam, which follows the sign, random-walks π on that noise.
    /// </summary>
    public bool ScoreBaseline { get; init; } = true;

    /// <summary>
    /// Learn π from the training batch's importance weights instead of a held-out validation batch: one pass per
    /// sample, no validation set needed.
    /// </summary>
    public bool UseTrainingBatchForArchitecture { get; init; }

    /// <summary>
    /// Steps during which only the weights learn and π stays put. While the shared weights are untrained, the
    /// parameter-free candidates (skip, pooling, zero) have the lowest loss, and at T = 1 the nearly one-hot ω lets π
    /// lock onto them; a warm-up lets the weights catch up first. Warm-up steps skip the held-out pass too.
    /// </summary>
    public int ArchitectureWarmupSteps { get; init; }

    /// <summary>
    /// When set, the recommended architecture (<see cref="SearchResult.Best"/>) keeps at most this many operation
    /// choices per cell key on a parameter-free option (see <see cref="ArchitectureDistribution.ModeWithParameterFreeLimit"/>);
    /// null recommends the plain mode. A short search learns on shared weights that are barely trained, where pooling
    /// and skip connections score best, so its mode can hold more of them than a retrained cell wants (P-DARTS' reason
    /// for capping skips). Off by default. The ranked list and the saved distribution are not affected.
    /// </summary>
    public int? ParameterFreeLimit { get; init; }

    /// <summary>
    /// An optional cost budget: π's importance weights come from ℓ'(α) = ℓ(α) − λ · max(0, cost(α) / budget − 1), so
    /// architectures over the budget lose probability (<see cref="CostBudget"/>; λ is in nats of ℓ = −CE_sum / T).
    /// The shared weights' gradients are not penalised. Null (the default) searches without a budget.
    /// </summary>
    public CostBudget? Cost { get; init; }
}
