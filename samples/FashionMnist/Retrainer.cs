using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Parsec.Data;
using Parsec.Search;
using Parsec.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Samples.FashionMnist;

/// <summary>One epoch of retraining.</summary>
public sealed record EpochRecord(int Epoch, double TrainingLoss, double TrainingAccuracy, double ValidationLoss, double ValidationAccuracy, double Seconds);

/// <summary>What a retraining produced.</summary>
/// <param name="Epochs">One record per epoch, earlier sessions' included.</param>
/// <param name="Resumed">It went on from a checkpoint of an earlier session.</param>
/// <param name="EarlierSeconds">Training seconds of the earlier sessions (0 when not resumed).</param>
public sealed record RetrainOutcome(IReadOnlyList<EpochRecord> Epochs, bool Resumed, double EarlierSeconds);

/// <summary>
/// Trains a fixed model from scratch: AdamW with a one-cycle learning-rate schedule, which gets far in few epochs,
/// and a validation pass after every epoch for the curves. Small batches: in a budget of a few epochs the number
/// of updates, not the batch's statistics, limits accuracy. The batches run on every core at once through
/// <see cref="DataParallel"/>. With a <see cref="RetrainCheckpoint"/>, a checkpoint is
/// written after every epoch (a kill loses at most one; the long budget's epochs take minutes) and at the step where
/// cancellation stops the run, and a resumed retraining ends with the same weights as one never stopped.
/// </summary>
public static class Retrainer
{
    private const double PeakLearningRate = 6e-3;
    private const double WeightDecay = 1e-4;
    private const int EvaluationBatch = 1000;

    /// <summary>The recipe's fixed figures, part of a retraining checkpoint's key: a changed recipe retrains from scratch.</summary>
    public static string Recipe { get; } =
        FormattableString.Invariant($"AdamW one-cycle, peak learning rate {PeakLearningRate}, weight decay {WeightDecay}");

    /// <summary>
    /// Trains <paramref name="replicas"/>' main model for <paramref name="epochs"/> epochs, on flipped and shifted images
    /// when <paramref name="augment"/> is set, against labels smoothed by <paramref name="labelSmoothing"/> (the
    /// validation loss stays plain cross-entropy); <paramref name="onStep"/> gets the fraction done.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; the checkpoint, if any, holds the last finished step.</exception>
    /// <exception cref="System.IO.InvalidDataException">The checkpoint to resume from is corrupt or belongs to another run.</exception>
    public static RetrainOutcome Train(DataParallel replicas, LabeledDataset training, LabeledDataset validation,
        int epochs, int batchSize, bool augment, double labelSmoothing, long seed, Device device, RetrainCheckpoint? checkpoint,
        Action<double>? onStep, CancellationToken cancellationToken)
    {
        manual_seed(seed);
        var evaluation = new ClassificationEvaluation(labelSmoothing);
        var batches = new ShuffledBatches(training, batchSize, seed);
        int stepsPerEpoch = training.Count / batchSize, totalSteps = epochs * stepsPerEpoch;
        using var optimizer = optim.AdamW(replicas.Main.parameters(), PeakLearningRate, weight_decay: WeightDecay);
        var schedule = optim.lr_scheduler.OneCycleLR(optimizer, PeakLearningRate, totalSteps);
        var progress = new RetrainProgress();
        bool resumed = checkpoint is { Resume: true } && System.IO.File.Exists(checkpoint.Path);
        if (resumed)
        {
            RetrainCheckpointFile.Restore(checkpoint!, progress, batches, replicas.Main, optimizer);
            replicas.Broadcast();
            for (int step = progress.StepsTaken(stepsPerEpoch); step > 0; step--) schedule.step();
            onStep?.Invoke(progress.StepsTaken(stepsPerEpoch) / (double)totalSteps);
        }
        var clock = Stopwatch.StartNew();
        double Elapsed() => progress.EarlierSeconds + clock.Elapsed.TotalSeconds;
        void Save()
        {
            if (checkpoint is not null) RetrainCheckpointFile.Save(checkpoint, progress, Elapsed(), batches, replicas.Main, optimizer);
        }

        while (progress.Epochs.Count < epochs)
        {
            replicas.Train();
            while (progress.StepInEpoch < stepsPerEpoch)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    Save();
                    cancellationToken.ThrowIfCancellationRequested();
                }
                using var pause = CollectionPause.Begin();
                using var scope = NewDisposeScope();
                var batch = batches.Next(device);
                if (augment) batch = batch with { Inputs = Augmentation.ShiftAndFlip(batch.Inputs) };
                var (summedLoss, correct) = replicas.Backward(batch, evaluation);
                optimizer.step();
                replicas.Synchronise();
                schedule.step();
                progress.LossSum += summedLoss;
                progress.Correct += correct;
                progress.Seen += batch.Size;
                progress.StepInEpoch++;
                onStep?.Invoke(progress.StepsTaken(stepsPerEpoch) / (double)totalSteps);
            }
            var (validationLoss, validationAccuracy) = Evaluate(replicas.Main, validation, device);
            progress.FinishEpoch(new EpochRecord(progress.Epochs.Count + 1, progress.LossSum / progress.Seen,
                (double)progress.Correct / progress.Seen, validationLoss, validationAccuracy, Elapsed()));
            Save();
        }
        return new RetrainOutcome(progress.Epochs.ToArray(), resumed, progress.EarlierSeconds);
    }

    /// <summary>Mean loss and accuracy of <paramref name="model"/> on <paramref name="data"/>, in eval mode.</summary>
    public static (double Loss, double Accuracy) Evaluate(nn.Module<Tensor, Tensor> model, LabeledDataset data, Device device)
    {
        model.eval();
        var evaluation = new ClassificationEvaluation();
        double lossSum = 0;
        long correct = 0;
        using var noGrad = no_grad();
        for (int start = 0; start < data.Count; start += EvaluationBatch)
        {
            using var scope = NewDisposeScope();
            int size = Math.Min(EvaluationBatch, data.Count - start);
            var batch = new Batch(data.Inputs.narrow(0, start, size).to(device), data.Labels.narrow(0, start, size).to(device));
            var result = evaluation.Evaluate(model, batch);
            lossSum += result.SummedLoss.item<float>();
            correct += result.Correct;
        }
        return (lossSum / data.Count, (double)correct / data.Count);
    }
}
