using System;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>A weight-sharing search on the network of a <see cref="CellRecipe"/>.</summary>
/// <param name="Strategy">
/// <c>parsec</c> (p(α|π) learned by importance-weighted empirical Bayes; recommends π's most probable cell),
/// <c>random</c> (one uniformly drawn cell a step trains the weights; recommends the best of
/// <see cref="RandomCandidates"/> uniform cells by held-out loss) or <c>darts</c> (first-order DARTS; recommends
/// every edge's heaviest operation).
/// </param>
/// <param name="Seed">Seeds the weights, the batches and the draws.</param>
/// <param name="Steps">Steps of PARSEC and DARTS; random sampling takes <see cref="Samples"/> times as many, so every
/// strategy makes the same number of one-cell passes.</param>
/// <param name="Samples">K, the cells PARSEC draws a step.</param>
/// <param name="BatchSize">Minibatch size.</param>
/// <param name="SearchImages">The first this many training images train the shared weights.</param>
/// <param name="WeightLearningRate">SGD's initial step for the shared weights, on a cosine schedule.</param>
/// <param name="ArchitectureLearningRate">Adam's step for π (PARSEC) or α (DARTS).</param>
/// <param name="RandomCandidates">Cells the random-sampling strategy scores to recommend one.</param>
/// <param name="MaxParameters">A parameter budget for the recommended cell (and, for PARSEC, a cost term in π's objective); null for none.</param>
public sealed record SearchSettings(
    string Strategy,
    long Seed = 1,
    int Steps = 600,
    int Samples = 4,
    int BatchSize = 64,
    int SearchImages = 20_000,
    double WeightLearningRate = 0.1,
    double ArchitectureLearningRate = 0.03,
    int RandomCandidates = 100,
    long? MaxParameters = null)
{
    /// <summary>The strategies this sample compares.</summary>
    public static readonly string[] Strategies = ["parsec", "random", "darts"];

    /// <exception cref="ArgumentException">A figure is out of range or the strategy unknown; the message says what to pass.</exception>
    public void Validate()
    {
        if (Array.IndexOf(Strategies, Strategy) < 0)
            throw new ArgumentException($"Unknown strategy '{Strategy}': use {string.Join(", ", Strategies)}.");
        if (Steps < 1 || Samples < 1 || BatchSize < 1 || SearchImages < BatchSize || RandomCandidates < 1)
            throw new ArgumentException("Steps, samples and random candidates must be at least 1, and the search images at least one batch.");
        if (MaxParameters is < 1) throw new ArgumentException($"The parameter budget must be positive, not {MaxParameters}.");
    }
}
