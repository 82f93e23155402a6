using System;

namespace Parsec.Samples.FashionMnist;

/// <summary>
/// How much work a run does. The search runs PARSEC on a small, cheap network over part of the training set; the
/// winner is then exported and retrained from scratch at a larger size on the whole training set (the paper's
/// transfer from a small problem to a larger one).
/// </summary>
/// <param name="Name">The preset's name.</param>
/// <param name="SearchImages">Training images the search sees.</param>
/// <param name="SearchSteps">PARSEC steps.</param>
/// <param name="SearchChannels">Channels of the searched network's first cell.</param>
/// <param name="RetrainImages">Training images for the retraining, including the held-out validation images.</param>
/// <param name="RetrainEpochs">Epochs of retraining.</param>
/// <param name="RetrainChannels">Channels of the retrained network's first cell.</param>
/// <param name="Layout">Cells: N normal, R reduction.</param>
/// <param name="StemStride">Stride of the stem's second convolution (2 quarters the cost of every cell).</param>
/// <param name="SearchBatchSize">Minibatch size of the search.</param>
/// <param name="RetrainBatchSize">Minibatch size of the retraining.</param>
/// <param name="Augment">Retrain on randomly flipped and shifted images (worth it only when the retraining is long enough to overfit).</param>
/// <param name="LabelSmoothing">The retraining loss's label smoothing (<see cref="Parsec.Data.ClassificationEvaluation"/>); 0 for plain cross-entropy.</param>
/// <param name="ValidationFraction">The last part of the retraining images held out for the validation curve; no choice is made on it.</param>
/// <param name="RetrainReplicas">
/// Shards of every retraining batch, each on a replica of the model on its own core (<see cref="DataParallel"/>). It
/// fixes the arithmetic (BatchNorm normalises each shard alone), so it belongs to the budget, not to the machine: a
/// machine with fewer cores runs the replicas in turn and gets the same figures.
/// </param>
public sealed record Budget(
    string Name,
    int SearchImages,
    int SearchSteps,
    int SearchChannels,
    int RetrainImages,
    int RetrainEpochs,
    int RetrainChannels,
    string Layout,
    int StemStride,
    int SearchBatchSize,
    int RetrainBatchSize,
    bool Augment = false,
    double LabelSmoothing = 0,
    double ValidationFraction = 0.1,
    int RetrainReplicas = 2)
{
    /// <summary>
    /// The main job's preset, sized to finish within 12 minutes on a 2-core CPU (samples/FashionMnist/README.md has the
    /// measured time, also on the slower machines of this kind): a 400-step search at batch 64 on 12,000 images, then the
    /// winner retrained at C = 24 for 3 epochs on the first 40,000 training images (4,000 of them held out) on two
    /// replicas (<see cref="Parsec.Training.DataParallel"/>) with label smoothing 0.1.
    /// </summary>
    public static Budget Default { get; } = new("default", SearchImages: 12_000, SearchSteps: 400, SearchChannels: 8,
        RetrainImages: 40_000, RetrainEpochs: 3, RetrainChannels: 24, Layout: "NRN", StemStride: 2, SearchBatchSize: 64, RetrainBatchSize: 64,
        LabelSmoothing: 0.1);

    /// <summary>
    /// For higher accuracy, in about two hours on a 2-core CPU: a longer search on more images, and the winner retrained
    /// at twice the default's width on flipped and shifted images for 20 epochs, holding out 2,000 images for the
    /// validation curve.
    /// </summary>
    public static Budget Long { get; } = new("long", SearchImages: 24_000, SearchSteps: 600, SearchChannels: 8,
        RetrainImages: 60_000, RetrainEpochs: 20, RetrainChannels: 48, Layout: "NRN", StemStride: 2, SearchBatchSize: 128, RetrainBatchSize: 64,
        Augment: true, ValidationFraction: 1.0 / 30);

    /// <summary>Seconds, not minutes: proves the pipeline end to end (tests, first look).</summary>
    public static Budget Smoke { get; } = new("smoke", SearchImages: 240, SearchSteps: 3, SearchChannels: 4,
        RetrainImages: 200, RetrainEpochs: 1, RetrainChannels: 4, Layout: "NR", StemStride: 2, SearchBatchSize: 32, RetrainBatchSize: 32);

    /// <summary>The preset named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No preset has that name.</exception>
    public static Budget Named(string name) => name switch
    {
        "default" => Default,
        "long" => Long,
        "smoke" => Smoke,
        _ => throw new ArgumentException($"Unknown budget '{name}': use default, long or smoke."),
    };
}
