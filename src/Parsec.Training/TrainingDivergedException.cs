using System;

namespace Parsec.Training;

/// <summary>
/// A training step's loss or gradient became NaN or infinite. It is thrown before the optimizer steps on that batch,
/// so the weights, and any checkpoint written before, are those of the last good step.
/// </summary>
public sealed class TrainingDivergedException : ArithmeticException
{
    /// <summary>Creates the exception for the shard of <paramref name="replica"/> whose <paramref name="quantity"/> is <paramref name="value"/>.</summary>
    /// <param name="replica">The replica whose shard gave it (0 is the main model).</param>
    /// <param name="quantity">"loss" or "gradient".</param>
    /// <param name="value">The shard's summed loss, or the sum of its gradient's elements.</param>
    public TrainingDivergedException(int replica, string quantity, double value)
        : base($"The training {quantity} of replica {replica}'s shard is {value}; no step was taken on this batch. " +
               // The NaN that made this check necessary was libtorch's, in the first epoch (docs/history.md).
               "If it came early, suspect libtorch 2.10's oneDNN: on an AVX-512 CPU it returned NaN now and then from 3x3 " +
               "convolutions with 20-28 input channels; give them a multiple of 16. Otherwise lower the learning rate.")
    {
        Replica = replica;
    }

    /// <summary>The first replica whose shard gave a non-finite loss or gradient.</summary>
    public int Replica { get; }
}
