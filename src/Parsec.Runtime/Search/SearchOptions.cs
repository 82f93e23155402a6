using System;
using System.Collections.Generic;
using Parsec.Data;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parsec.Search;

/// <summary>Settings of <see cref="ArchitectureSearch"/>: the run, the weights' optimizer, the device and checkpoints.</summary>
public sealed record SearchOptions
{
    /// <summary>Steps (minibatches) to run.</summary>
    public int Steps { get; init; } = 1000;

    /// <summary>Examples per minibatch.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Seeds architecture sampling, data shuffling and torch's generator.</summary>
    public long Seed { get; init; }

    /// <summary>CPU by default; CUDA is used when asked for and <c>torch.cuda.is_available()</c>, else the CPU.</summary>
    public DeviceType Device { get; init; } = DeviceType.CPU;

    /// <summary>Fixes torch's intra-op thread count (results can depend on it); null leaves it alone.</summary>
    public int? TorchThreads { get; init; }

    /// <summary>The default weight optimizer's (SGD) learning rate.</summary>
    public double WeightLearningRate { get; init; } = 0.025;

    /// <summary>The default weight optimizer's momentum.</summary>
    public double WeightMomentum { get; init; } = 0.9;

    /// <summary>The default weight optimizer's weight decay.</summary>
    public double WeightDecay { get; init; } = 3e-4;

    /// <summary>Replaces the default SGD; it must be a TorchSharp optimizer that can save its state for checkpoints.</summary>
    public Func<IEnumerable<Parameter>, optim.Optimizer>? WeightOptimizer { get; init; }

    /// <summary>Anneals every weight learning rate from its initial value to 0 along a cosine over the run.</summary>
    public bool CosineSchedule { get; init; } = true;

    /// <summary>How the model is scored on a batch.</summary>
    public IEvaluation Evaluation { get; init; } = new ClassificationEvaluation();

    /// <summary>Where checkpoints go; null disables them.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Checkpoint every this many steps (0: only at the end and on cancellation).</summary>
    public int CheckpointEvery { get; init; }

    /// <summary>Resume from <see cref="CheckpointPath"/> when the file exists.</summary>
    public bool Resume { get; init; }

    /// <summary>How many ranked architectures the result lists.</summary>
    public int RankedArchitectures { get; init; } = 5;
}
