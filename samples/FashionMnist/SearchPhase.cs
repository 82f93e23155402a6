using System;
using System.IO;
using System.Threading;
using Parsec.Data;
using Parsec.Samples.Darts;
using Parsec.Search;
using Parsec.SearchSpace;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Samples.FashionMnist;

/// <summary>What the search phase produced.</summary>
public sealed record SearchOutcome(SearchResult Result, SearchOptions Settings, ParsecStrategy Strategy, double Seconds, string DistributionPath);

/// <summary>
/// PARSEC on the small search network: the weights and the distribution learn from the same training batches (the
/// paper's empirical Bayes estimator; each batch is scored before the weights step on it, and a search this short does
/// not overfit, so a held-out split would only cost a quarter more passes and a sixth of the images), and a checkpoint
/// is written every <see cref="CheckpointEvery"/> steps and on Ctrl-C. The likelihood is
/// tempered by the batch size (the per-example likelihood): at T = 1 the summed loss of a batch makes ω one-hot, so
/// only the luckiest sample's candidates get weight gradients and the parameter-free ones, best while everything is
/// untrained, take over a short search.
/// </summary>
public static class SearchPhase
{
    private const int CheckpointEvery = 25;

    /// <summary>The share of the search during which only the weights learn (see <see cref="ParsecOptions.ArchitectureWarmupSteps"/>).</summary>
    private const double WarmupFraction = 1.0 / 3;

    /// <summary>
    /// π's Adam step: a short search has a few hundred steps to move the logits, so it takes larger steps than the
    /// runtime's default.
    /// </summary>
    private const double ArchitectureLearningRate = 0.03;

    /// <summary>
    /// SGD's step for the shared weights. DARTS' 0.025 suits 50 epochs; a search of a few hundred steps needs the
    /// weights trained further before their losses say anything about the operations.
    /// </summary>
    private const double WeightLearningRate = 0.1;

    public static SearchOutcome Run(SampleOptions options, FashionMnistSplit data, Action<StepRecord> onProgress, CancellationToken cancellationToken)
    {
        var budget = options.Budget;
        // The weights' initialisation is part of the run: seed it, or the same seed gives another distribution.
        manual_seed(options.Seed);
        var network = new DartsNetwork(budget.Layout, budget.SearchChannels, 10, budget.StemStride);
        var space = ModelSearchSpace.Of(network);
        var strategy = new ParsecStrategy(space, new ParsecOptions
        {
            Samples = options.Samples,
            ArchitectureWarmupSteps = (int)(budget.SearchSteps * WarmupFraction),
            LikelihoodTemperature = budget.SearchBatchSize,
            ArchitectureLearningRate = ArchitectureLearningRate,
            UseTrainingBatchForArchitecture = true,
        });
        var settings = new SearchOptions
        {
            Steps = budget.SearchSteps,
            BatchSize = budget.SearchBatchSize,
            Seed = options.Seed,
            WeightLearningRate = WeightLearningRate,
            Device = options.Device == "cuda" ? DeviceType.CUDA : DeviceType.CPU,
            CheckpointPath = Path.Combine(options.Output, OutputFolder.SearchCheckpoint),
            CheckpointEvery = CheckpointEvery,
            Resume = options.Resume,
        };
        var search = new ArchitectureSearch(strategy, settings);

        var (inputs, labels) = data.ToTensors(0, Math.Min(budget.SearchImages, data.Count));
        var result = search.Run(new LabeledDataset(inputs, labels), validation: null, new SynchronousProgress<StepRecord>(onProgress), cancellationToken);

        string distributionPath = Path.Combine(options.Output, "distribution.json");
        strategy.Distribution.Save(distributionPath);
        double seconds = result.History.Count > 0 ? result.History[^1].ElapsedSeconds : 0;
        return new SearchOutcome(result, settings, strategy, seconds, distributionPath);
    }
}
