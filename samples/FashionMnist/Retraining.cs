using System;
using System.IO;
using System.Linq;
using System.Threading;
using Parsec.Data;
using Parsec.Persistence;
using Parsec.Training;
using static TorchSharp.torch;

namespace Parsec.Samples.FashionMnist;

/// <summary>What one retraining measured: its epochs, its test accuracy and the model's parameter count.</summary>
public sealed record Retrained(RetrainOutcome Training, double Accuracy, long Parameters);

/// <summary>
/// Retrains exported source from scratch with a budget and tests it: the winner's retraining in the run, and each
/// random or most probable cell's in its own trial process (<see cref="RetrainTrialCommand"/>), so both follow one recipe.
/// </summary>
public static class Retraining
{
    /// <summary>
    /// Compiles <paramref name="model"/>'s source, retrains it on <paramref name="data"/> (checkpointed by
    /// <paramref name="checkpoint"/>) on <see cref="Budget.RetrainReplicas"/> replicas sharing this process's torch
    /// threads, tests it on <paramref name="test"/>, and saves its weights to <paramref name="weightsPath"/> when given.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; the checkpoint holds the last finished step.</exception>
    /// <exception cref="InvalidDataException">The checkpoint to resume from is corrupt or belongs to another run.</exception>
    public static Retrained RetrainAndTest(ExportedModel model, Budget budget, long seed, RetrainCheckpoint checkpoint, string? weightsPath,
        (LabeledDataset Training, LabeledDataset Validation) data, FashionMnistSplit test, Device device, Action<double>? onStep,
        CancellationToken cancellationToken)
    {
        manual_seed(seed);
        var create = ExportedModelCompiler.Factory<nn.Module<Tensor, Tensor>>(
            model.Source, model.TypeName, budget.Layout, budget.RetrainChannels, 10, budget.StemStride);
        using var network = create();
        // The cores this process may use: --threads, or torch's default (every core, or OMP_NUM_THREADS in a trial).
        using var replicas = new DataParallel(network, create, budget.RetrainReplicas, get_num_threads(), device);
        var training = Retrainer.Train(replicas, data.Training, data.Validation, budget.RetrainEpochs, budget.RetrainBatchSize, budget.Augment,
            budget.LabelSmoothing, seed, device, checkpoint, onStep, cancellationToken);
        var (testInputs, testLabels) = test.ToTensors();
        var (_, accuracy) = Retrainer.Evaluate(network, new LabeledDataset(testInputs, testLabels), device);
        if (weightsPath is not null)
            AtomicFile.Write(weightsPath, stream =>
            {
                using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
                network.save(writer);
            });
        return new Retrained(training, accuracy, network.parameters().Sum(parameter => parameter.numel()));
    }

    /// <summary>
    /// What a retraining checkpoint must match to be continued: the model's source, every figure of the budget, the
    /// training recipe and the seed. A new search winner, budget, recipe or seed makes a new key, so --resume never
    /// continues someone else's weights.
    /// </summary>
    public static string RunKey(ExportedModel model, Budget budget, long seed) =>
        $"{model.TypeName}, budget {budget.Name}, seed {seed}, fingerprint {Fingerprint(model, budget, seed)}";

    /// <summary>Twelve hex digits of a hash of what <see cref="RunKey"/> keys: equal for the same retraining, different otherwise.</summary>
    public static string Fingerprint(ExportedModel model, Budget budget, long seed)
    {
        byte[] identity = System.Text.Encoding.UTF8.GetBytes($"{model.Source}\n{budget}\n{Retrainer.Recipe}\n{seed}");
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(identity))[..12].ToLowerInvariant();
    }
}
