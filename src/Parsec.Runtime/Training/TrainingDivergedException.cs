using System;

namespace Parsec.Training;

/// <summary>
/// A training step's loss or gradient became NaN or infinite. It is thrown before the optimizer steps on that batch,
/// so the weights are still those of the step before, and so is any checkpoint written before it.
/// </summary>
public sealed class TrainingDivergedException : ArithmeticException
{
    /// <summary>Creates the exception for the shard of <paramref name="replica"/> whose <paramref name="quantity"/> is <paramref name="value"/>.</summary>
    /// <param name="replica">The replica whose shard gave it (0 is the main model).</param>
    /// <param name="quantity">"loss" or "gradient".</param>
    /// <param name="value">The shard's summed loss, or the sum of its gradient's elements.</param>
    /// <param name="concurrentWorkers">How many replicas ran at once.</param>
    public TrainingDivergedException(int replica, string quantity, double value, int concurrentWorkers)
        : base(Describe(replica, quantity, value, concurrentWorkers))
    {
        Replica = replica;
        ConcurrentWorkers = concurrentWorkers;
    }

    /// <summary>The first replica whose shard gave a non-finite loss or gradient.</summary>
    public int Replica { get; }

    /// <summary>How many replicas ran at once when it happened.</summary>
    public int ConcurrentWorkers { get; }

    private static string Describe(int replica, string quantity, double value, int concurrentWorkers)
    {
        string what = $"The training {quantity} of replica {replica}'s shard is {value}.";
        if (concurrentWorkers == 1)
            return $"{what} Lower the learning rate or check the model; no step was taken on this batch.";
        // The race is libtorch's, not the model's: the same step on one worker gives the same arithmetic without it.
        return $"{what} With {concurrentWorkers} replicas running at once this can be libtorch 2.10's oneDNN race: " +
               "dense convolutions whose input channels are not a multiple of 16 (20, 24 and 28 seen) return NaN when two " +
               "threads run them at the same time (docs/architecture.md). Train with one worker (threads: 1 gives the same " +
               "figures, slower) or one replica; if it diverges on one worker too, lower the learning rate. No step was " +
               "taken on this batch.";
    }
}
