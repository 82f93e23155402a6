using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Parsec.Data;
using Parsec.Search;
using Parsec.SearchSpace;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>What training one cell from scratch measured.</summary>
/// <param name="Accuracy">Test accuracy, in [0, 1].</param>
/// <param name="EpochLosses">Mean training loss of each epoch.</param>
/// <param name="Parameters">Parameters of the network with only the chosen operations (the exported model's).</param>
/// <param name="Seconds">Training and testing time.</param>
public sealed record CellTraining(double Accuracy, IReadOnlyList<double> EpochLosses, long Parameters, double Seconds);

/// <summary>
/// Trains one NAS-Bench-201 cell from scratch with a <see cref="CellRecipe"/> and tests it. The network is the
/// weight-sharing one with the cell selected, so only the chosen operations run and learn; the parameter count is
/// that of the network with only them. Deterministic for a seed on one thread.
/// </summary>
public static class CellTrainer
{
    private const int EvaluationBatch = 500;

    /// <summary>Trains <paramref name="cell"/> in the recipe's network from scratch and tests it.</summary>
    /// <exception cref="ArithmeticException">The loss became NaN or infinite.</exception>
    public static CellTraining Train(NasBench201CellArchitecture cell, CellRecipe recipe, LabeledDataset training, LabeledDataset test, long seed)
    {
        manual_seed(seed);
        using var network = recipe.CreateNetwork();
        var space = ModelSearchSpace.Of(network);
        space.Select(NasBench201Architecture.ToModelArchitecture(space, cell));
        // Only the chosen operations' parameters: the others get no gradient, and weight decay would only shrink them.
        var trained = TrainModel(network, ChosenParameters(network, training), recipe, training, test, seed,
            NasBench201Architecture.ToBenchmarkString(cell));
        return trained with { Parameters = recipe.Parameters(cell) };
    }

    /// <summary>
    /// Trains <paramref name="parameters"/> of <paramref name="model"/> (seeded by the caller before it built the model)
    /// with the recipe's optimiser, batches and schedule, and tests it; <see cref="CellTraining.Parameters"/> counts
    /// <paramref name="parameters"/>.
    /// </summary>
    /// <exception cref="ArithmeticException">The loss became NaN or infinite; the message names <paramref name="name"/>.</exception>
    public static CellTraining TrainModel(nn.Module<Tensor, Tensor> model, IReadOnlyList<TorchSharp.Modules.Parameter> parameters, CellRecipe recipe,
        LabeledDataset training, LabeledDataset test, long seed, string name)
    {
        var clock = Stopwatch.StartNew();
        using var optimizer = optim.SGD(parameters, recipe.LearningRate, momentum: 0.9, weight_decay: recipe.WeightDecay, nesterov: true);
        var batches = new ShuffledBatches(training, recipe.BatchSize, seed);
        int stepsPerEpoch = training.Count / recipe.BatchSize;
        var schedule = optim.lr_scheduler.CosineAnnealingLR(optimizer, recipe.Epochs * stepsPerEpoch);
        var evaluation = new ClassificationEvaluation();
        var losses = new List<double>();
        model.train();
        for (int epoch = 0; epoch < recipe.Epochs; epoch++)
        {
            double lossSum = 0;
            for (int step = 0; step < stepsPerEpoch; step++)
            {
                using var scope = NewDisposeScope();
                var batch = batches.Next(CPU);
                optimizer.zero_grad();
                var loss = evaluation.Evaluate(model, batch).SummedLoss / batch.Size;
                double value = loss.item<float>();
                if (!double.IsFinite(value))
                    throw new ArithmeticException($"{name} diverged at epoch {epoch + 1}, step {step + 1} (loss {value}).");
                loss.backward();
                optimizer.step();
                schedule.step();
                lossSum += value;
            }
            losses.Add(lossSum / stepsPerEpoch);
        }
        double accuracy = Accuracy(model, test);
        return new CellTraining(accuracy, losses, parameters.Sum(parameter => parameter.numel()), clock.Elapsed.TotalSeconds);
    }

    /// <summary>The parameters that one forward and backward pass of the selected network, on two of <paramref name="training"/>'s images, gives a gradient.</summary>
    public static List<TorchSharp.Modules.Parameter> ChosenParameters(NasBench201Network network, LabeledDataset training)
    {
        using (var scope = NewDisposeScope())
        {
            network.eval();
            network.zero_grad();
            var probe = training.Inputs.narrow(0, 0, Math.Min(2, training.Count));
            network.call(probe).sum().backward();
        }
        var chosen = network.parameters().Where(parameter => parameter.grad is not null).ToList();
        network.zero_grad();
        return chosen;
    }

    /// <summary>Test accuracy in eval mode (BatchNorm on its running statistics).</summary>
    public static double Accuracy(nn.Module<Tensor, Tensor> network, LabeledDataset test)
    {
        network.eval();
        using var noGrad = no_grad();
        var evaluation = new ClassificationEvaluation();
        long correct = 0;
        for (int start = 0; start < test.Count; start += EvaluationBatch)
        {
            using var scope = NewDisposeScope();
            int size = Math.Min(EvaluationBatch, test.Count - start);
            correct += evaluation.Evaluate(network, new Batch(test.Inputs.narrow(0, start, size), test.Labels.narrow(0, start, size))).Correct;
        }
        return (double)correct / test.Count;
    }
}
