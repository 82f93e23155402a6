using System.Collections.Generic;
using Parsec.Data;
using static TorchSharp.torch;

namespace Parsec.Search;

/// <summary>Everything about a run in progress that a checkpoint must restore for the run to continue identically.</summary>
internal sealed class RunState
{
    public RunState(ISearchStrategy strategy, optim.Optimizer weightOptimizer, SearchRandom random,
        ShuffledBatches training, ShuffledBatches? validation)
    {
        Strategy = strategy;
        WeightOptimizer = weightOptimizer;
        Random = random;
        Training = training;
        Validation = validation;
    }

    public ISearchStrategy Strategy { get; }

    public optim.Optimizer WeightOptimizer { get; }

    public SearchRandom Random { get; }

    public ShuffledBatches Training { get; }

    public ShuffledBatches? Validation { get; }

    /// <summary>Completed steps.</summary>
    public int Step { get; set; }

    /// <summary>Wall time of earlier sessions of this run.</summary>
    public double EarlierSeconds { get; set; }

    public List<StepRecord> History { get; } = new();
}
