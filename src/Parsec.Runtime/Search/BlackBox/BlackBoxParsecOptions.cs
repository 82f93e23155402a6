namespace Parsec.Search.BlackBox;

/// <summary>Settings of <see cref="BlackBoxParsec"/>.</summary>
public sealed record BlackBoxParsecOptions
{
    /// <summary>K, the architectures drawn per step (one <see cref="BlackBoxParsec.Ask"/>); at least 1. Default 4.</summary>
    public int Samples { get; init; } = 4;

    /// <summary>
    /// T in the log-likelihood ℓ(α) = score(α) / T (the score less its cost penalty), positive. Pick it on the scale of
    /// the score differences that matter: a difference of T between two samples weighs the better one e times more.
    /// Default 1.
    /// </summary>
    public double Temperature { get; init; } = 1.0;

    /// <summary>
    /// Adam's learning rate for the logits π; positive. Default 0.05: a black-box budget is tens to hundreds of
    /// queries, so π must move in far fewer steps than in a weight-sharing search (<see cref="ParsecOptions.ArchitectureLearningRate"/>).
    /// </summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Adam's β1 for π, in [0, 1). Default 0.5, as <see cref="ParsecOptions.ArchitectureBeta1"/>.</summary>
    public double Beta1 { get; init; } = 0.5;

    /// <summary>Adam's β2 for π, in [0, 1). Default 0.999.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Subtract the baseline 1/K from every ω_s in π's gradient, as <see cref="ParsecOptions.ScoreBaseline"/>. Default on.</summary>
    public bool ScoreBaseline { get; init; } = true;
}
