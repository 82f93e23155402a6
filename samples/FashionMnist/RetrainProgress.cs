using System.Collections.Generic;

namespace Parsec.Samples.FashionMnist;

/// <summary>How far a retraining has got: what its checkpoint saves besides the model and the optimizer.</summary>
public sealed class RetrainProgress
{
    /// <summary>Epochs finished, each with its record.</summary>
    public List<EpochRecord> Epochs { get; } = new();

    /// <summary>Steps done in the current, unfinished epoch.</summary>
    public int StepInEpoch { get; set; }

    /// <summary>The current epoch's summed training loss, correct predictions and images so far.</summary>
    public double LossSum { get; set; }
    public long Correct { get; set; }
    public long Seen { get; set; }

    /// <summary>Training seconds of earlier sessions of this retraining.</summary>
    public double EarlierSeconds { get; set; }

    /// <summary>Optimizer steps taken, over every epoch.</summary>
    public int StepsTaken(int stepsPerEpoch) => Epochs.Count * stepsPerEpoch + StepInEpoch;

    /// <summary>Starts the next epoch's sums after <paramref name="finished"/> is recorded.</summary>
    public void FinishEpoch(EpochRecord finished)
    {
        Epochs.Add(finished);
        StepInEpoch = 0;
        LossSum = 0;
        Correct = 0;
        Seen = 0;
    }
}
