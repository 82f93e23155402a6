using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Parsec.Search;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Samples.FashionMnist;

/// <summary>One epoch of retraining.</summary>
public sealed record EpochRecord(int Epoch, double TrainingLoss, double TrainingAccuracy, double ValidationLoss, double ValidationAccuracy, double Seconds);

/// <summary>
/// Trains a fixed model from scratch: AdamW with a one-cycle learning-rate schedule, which gets far in few epochs,
/// and a validation pass after every epoch for the curves. Small batches: in a budget of a few epochs the number
/// of updates, not the batch's statistics, limits accuracy.
/// </summary>
public static class Retrainer
{
    private const double PeakLearningRate = 6e-3;
    private const double WeightDecay = 1e-4;
    private const int EvaluationBatch = 1000;

    /// <summary>
    /// Trains <paramref name="model"/> for <paramref name="epochs"/> epochs, on flipped and shifted images when
    /// <paramref name="augment"/> is set; <paramref name="onStep"/> gets the fraction done.
    /// </summary>
    public static IReadOnlyList<EpochRecord> Train(nn.Module<Tensor, Tensor> model, LabeledDataset training, LabeledDataset validation,
        int epochs, int batchSize, bool augment, long seed, Device device, Action<double>? onStep, CancellationToken cancellationToken)
    {
        manual_seed(seed);
        model.to(device);
        var evaluation = new ClassificationEvaluation();
        var batches = new ShuffledBatches(training, batchSize, seed);
        int stepsPerEpoch = training.Count / batchSize;
        using var optimizer = optim.AdamW(model.parameters(), PeakLearningRate, weight_decay: WeightDecay);
        var schedule = optim.lr_scheduler.OneCycleLR(optimizer, PeakLearningRate, epochs * stepsPerEpoch);
        var records = new List<EpochRecord>();
        var clock = Stopwatch.StartNew();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            model.train();
            double lossSum = 0;
            long correct = 0, seen = 0;
            for (int step = 0; step < stepsPerEpoch; step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var batch = batches.Next(device);
                if (augment) batch = batch with { Inputs = Augmentation.ShiftAndFlip(batch.Inputs) };
                var result = evaluation.Evaluate(model, batch);
                result.SummedLoss.div(batch.Size).backward();
                optimizer.step();
                schedule.step();
                lossSum += result.SummedLoss.item<float>();
                correct += result.Correct;
                seen += batch.Size;
                onStep?.Invoke(((epoch - 1) * stepsPerEpoch + step + 1) / (double)(epochs * stepsPerEpoch));
            }
            var (validationLoss, validationAccuracy) = Evaluate(model, validation, device);
            records.Add(new EpochRecord(epoch, lossSum / seen, (double)correct / seen, validationLoss, validationAccuracy, clock.Elapsed.TotalSeconds));
        }
        return records;
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
