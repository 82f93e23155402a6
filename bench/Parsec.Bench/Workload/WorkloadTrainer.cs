using System;
using System.Collections.Generic;
using System.Linq;
using Parsec.Data;
using Parsec.Search;
using Parsec.SearchSpace;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parsec.Bench.Workload;

/// <summary>
/// One mode of the workload, ready to step: its network, the weights' SGD and, for <c>parsec</c> and <c>darts</c>,
/// the runtime's strategy, driven one step at a time exactly as <see cref="ArchitectureSearch"/> drives it (gradients
/// set to null, the step inside a dispose scope, then the SGD step).
/// </summary>
public sealed class WorkloadTrainer : IDisposable
{
    // DARTS's weight optimiser, which ArchitectureSearch also defaults to; the same in every mode.
    private const double LearningRate = 0.025, Momentum = 0.9, WeightDecay = 3e-4;

    private readonly SGD weights;
    private readonly ModelSearchSpace? space;
    private readonly ISearchStrategy? strategy;
    private readonly SearchRandom random;

    /// <summary>Builds the network of <paramref name="mode"/> with torch seeded by <paramref name="seed"/>; <paramref name="samples"/> is PARSEC's K.</summary>
    public WorkloadTrainer(WorkloadMode mode, int channels, int samples, long seed)
    {
        Mode = mode;
        Samples = samples;
        manual_seed(seed);
        random = new SearchRandom(seed);
        Model = mode == WorkloadMode.Single
            ? WorkloadNetwork.Single(channels)
            : new WorkloadNetwork(channels,
                (pp, p, c, previousWasReduction) => new WorkloadNormalCell(pp, p, c, previousWasReduction),
                (pp, p, c, previousWasReduction) => new WorkloadReductionCell(pp, p, c, previousWasReduction));
        Model.train();
        if (mode != WorkloadMode.Single)
        {
            space = ModelSearchSpace.Of(Model);
            strategy = mode == WorkloadMode.Parsec
                ? new ParsecStrategy(space, new ParsecOptions { Samples = samples, UseTrainingBatchForArchitecture = true })
                : new DartsStrategy(space, new DartsOptions { Seed = seed });
            strategy.Initialize(new SearchContext(new ClassificationEvaluation(), CPU, random));
        }
        weights = optim.SGD(Model.parameters(), LearningRate, Momentum, weight_decay: WeightDecay);
    }

    public WorkloadMode Mode { get; }

    /// <summary>PARSEC's K (unused by the other modes).</summary>
    public int Samples { get; }

    public nn.Module<Tensor, Tensor> Model { get; }

    /// <summary>The network's weights, without DARTS's α or PARSEC's logits.</summary>
    public long ParameterCount => Model.parameters().Sum(parameter => parameter.numel());

    /// <summary>One step of the mode on <paramref name="batch"/>: everything the workload's timer brackets.</summary>
    public void Step(int index, Batch batch)
    {
        using var scope = NewDisposeScope();
        ClearGradients();
        if (strategy is null) TrainOnce(batch);
        else strategy.Step(new SearchStep(index, batch, null));
        weights.step();
    }

    /// <summary>
    /// The architectures the next PARSEC <see cref="Step"/> will draw: the same draws from a copy of the run's
    /// generator, read before the step changes the distribution.
    /// </summary>
    public IReadOnlyList<ModelArchitecture> UpcomingSamples()
    {
        var parsec = strategy as ParsecStrategy ?? throw new InvalidOperationException("Only a parsec trainer samples architectures.");
        var copy = new SearchRandom(0) { State = random.State };
        return Enumerable.Range(0, Samples).Select(_ => parsec.Distribution.Sample(copy)).ToList();
    }

    /// <summary>A plain single-architecture training step of the supernet with <paramref name="architecture"/> selected.</summary>
    public void StepSelected(ModelArchitecture architecture, Batch batch)
    {
        var searched = space ?? throw new InvalidOperationException("Only a supernet has architectures to select.");
        using var scope = NewDisposeScope();
        ClearGradients();
        searched.Select(architecture);
        TrainOnce(batch);
        weights.step();
    }

    public void Dispose()
    {
        weights.Dispose();
        Model.Dispose();
    }

    /// <summary>zero_grad(set_to_none=True): a parameter no forward used keeps no gradient, so SGD skips it.</summary>
    private void ClearGradients()
    {
        foreach (var parameter in Model.parameters()) parameter.grad = null;
    }

    private void TrainOnce(Batch batch)
    {
        var logits = Model.call(batch.Inputs);
        nn.functional.cross_entropy(logits, batch.Labels).backward();
    }
}
