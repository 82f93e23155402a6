using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Parsec.Data;
using Parsec.SearchSpace;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parsec.Search;

/// <summary>
/// Runs a search: the step loop with its dispose scopes, data, weight optimizer and learning-rate schedule, progress,
/// cancellation and checkpoints. What a step does belongs to the <see cref="ISearchStrategy"/>.
/// </summary>
public sealed class ArchitectureSearch
{
    private readonly ISearchStrategy strategy;
    private readonly SearchOptions options;

    /// <summary>Prepares a search; invalid options are an <see cref="ArgumentException"/> saying what to change.</summary>
    public ArchitectureSearch(ISearchStrategy strategy, SearchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        this.strategy = strategy;
        this.options = options ?? new SearchOptions();
        if (this.options.Steps < 1) throw new ArgumentException("SearchOptions.Steps must be at least 1.", nameof(options));
        if (this.options.CheckpointEvery < 0) throw new ArgumentException("SearchOptions.CheckpointEvery cannot be negative.", nameof(options));
        if (this.options.Resume && this.options.CheckpointPath is null)
            throw new ArgumentException("SearchOptions.Resume needs a CheckpointPath to resume from.", nameof(options));
    }

    /// <summary>
    /// Searches on <paramref name="training"/> (and <paramref name="validation"/> when the strategy learns its
    /// architecture parameters on held-out data). Cancellation is honoured between steps: a checkpoint is written
    /// (when configured) and <see cref="OperationCanceledException"/> is thrown.
    /// </summary>
    /// <param name="training">The data the weights (and, without a validation batch, the architecture) learn from.</param>
    /// <param name="validation">
    /// Held-out data for strategies that learn on it (<see cref="ISearchStrategy.NeedsValidationBatch"/>); the result's
    /// held-out losses are measured on it, or on <paramref name="training"/> without it.
    /// </param>
    /// <param name="progress">
    /// Gets each step's <see cref="StepRecord"/>: <see cref="IProgress{T}.Report"/> is called synchronously on the
    /// thread running the search, once per step, in step order, after the step (and before the step's checkpoint);
    /// the search waits for it to return, and an exception it throws ends the search. A
    /// <see cref="Progress{T}"/> instead posts each report to the synchronization context it captured (the thread
    /// pool in a console app), where the reports run later, concurrently and out of order: pass a
    /// <see cref="SynchronousProgress{T}"/> to handle them in order on the search's thread.
    /// </param>
    /// <param name="cancellationToken">Stops the search at the next step boundary.</param>
    public SearchResult Run(LabeledDataset training, LabeledDataset? validation = null,
        IProgress<StepRecord>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (strategy.NeedsValidationBatch && validation is null)
            throw new ArgumentException(
                $"The {strategy.Name} strategy learns on a held-out set: pass a validation dataset, or set " +
                "ParsecOptions.UseTrainingBatchForArchitecture to learn from the training batches.", nameof(validation));

        var model = strategy.Space.Model;
        var device = ResolveDevice();
        model.to(device);
        if (options.TorchThreads is int threads) set_num_threads(threads);
        manual_seed(options.Seed);

        var random = new SearchRandom(options.Seed);
        var trainingBatches = new ShuffledBatches(training, options.BatchSize, options.Seed);
        var validationBatches = strategy.NeedsValidationBatch
            ? new ShuffledBatches(validation!, options.BatchSize, options.Seed + 1)
            : null;
        strategy.Initialize(new SearchContext(options.Evaluation, device, random));
        var weightOptimizer = options.WeightOptimizer?.Invoke(model.parameters())
            ?? optim.SGD(model.parameters(), options.WeightLearningRate, options.WeightMomentum, weight_decay: options.WeightDecay);
        var initialRates = weightOptimizer.ParamGroups.Select(group => group.LearningRate).ToArray();
        var run = new RunState(strategy, weightOptimizer, random, trainingBatches, validationBatches);
        bool resumed = options.Resume && File.Exists(options.CheckpointPath);
        if (resumed) SearchCheckpoint.Restore(options.CheckpointPath!, run);

        var clock = Stopwatch.StartNew();
        double Elapsed() => run.EarlierSeconds + clock.Elapsed.TotalSeconds;
        model.train();
        while (run.Step < options.Steps)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                SaveCheckpoint(run, Elapsed());
                cancellationToken.ThrowIfCancellationRequested();
            }
            var record = RunStep(run, device, initialRates, Elapsed);
            progress?.Report(record);
            if (options.CheckpointEvery > 0 && run.Step % options.CheckpointEvery == 0) SaveCheckpoint(run, Elapsed());
        }
        if (options.CheckpointEvery == 0 || run.Step % options.CheckpointEvery != 0) SaveCheckpoint(run, Elapsed());

        var held = new ShuffledBatches(validation ?? training, Math.Min(options.BatchSize, (validation ?? training).Count), options.Seed + 2);
        return strategy.Summarize(options.RankedArchitectures, architecture => HeldOutLoss(architecture, held, device))
            with { History = run.History.ToList(), Resumed = resumed };
    }

    private StepRecord RunStep(RunState run, Device device, double[] initialRates, Func<double> elapsed)
    {
        using var pause = CollectionPause.Begin();
        using var scope = NewDisposeScope();
        foreach (var parameter in strategy.Space.Model.parameters()) parameter.grad = null;
        if (options.CosineSchedule)
        {
            double factor = 0.5 * (1 + Math.Cos(Math.PI * run.Step / options.Steps));
            foreach (var (group, rate) in run.WeightOptimizer.ParamGroups.Zip(initialRates)) group.LearningRate = rate * factor;
        }
        var trainingBatch = run.Training.Next(device);
        var validationBatch = run.Validation?.Next(device);
        var figures = strategy.Step(new SearchStep(run.Step, trainingBatch, validationBatch));
        run.WeightOptimizer.step();
        run.Step++;
        var record = new StepRecord(run.Step, figures, elapsed());
        run.History.Add(record);
        return record;
    }

    private double HeldOutLoss(ModelArchitecture architecture, ShuffledBatches held, Device device)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        held.Restore(0, 0);
        var batch = held.Next(device);
        strategy.Space.Select(architecture);
        return options.Evaluation.Evaluate(strategy.Space.Model, batch).SummedLoss.ToDouble() / batch.Size;
    }

    private void SaveCheckpoint(RunState run, double elapsedSeconds)
    {
        if (options.CheckpointPath is not null) SearchCheckpoint.Save(options.CheckpointPath, run, elapsedSeconds);
    }

    private Device ResolveDevice() =>
        options.Device == DeviceType.CUDA && cuda.is_available() ? CUDA : CPU;
}
