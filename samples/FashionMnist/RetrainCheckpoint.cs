using System;
using System.IO;
using Parsec.Data;
using Parsec.Persistence;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parsec.Samples.FashionMnist;

/// <summary>Where one retraining keeps its checkpoint, and whether the run continues from it.</summary>
/// <param name="Path">The checkpoint file.</param>
/// <param name="RunKey">
/// What the retraining trains and how (model source, budget, seed): a checkpoint written under another key belongs to
/// another run and is refused, not silently continued.
/// </param>
/// <param name="Resume">Continue from <paramref name="Path"/> when it exists; otherwise start over and replace it.</param>
public sealed record RetrainCheckpoint(string Path, string RunKey, bool Resume);

/// <summary>
/// Saves and restores a retraining in the container of <see cref="CheckpointFile"/> (atomic, checksummed): its
/// progress, the batch order's position, torch's generator (the augmentation draws from it), the weights and the
/// optimizer's moments. The learning-rate schedule is a function of the step count, so it is replayed, not stored.
/// </summary>
public static class RetrainCheckpointFile
{
    public static void Save(RetrainCheckpoint checkpoint, RetrainProgress progress, double elapsedSeconds,
        ShuffledBatches batches, nn.Module model, OptimizerHelper optimizer)
    {
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(checkpoint.RunKey);
            writer.Write(elapsedSeconds);
            writer.Write(progress.Epochs.Count);
            foreach (var epoch in progress.Epochs)
            {
                writer.Write(epoch.Epoch);
                writer.Write(epoch.TrainingLoss);
                writer.Write(epoch.TrainingAccuracy);
                writer.Write(epoch.ValidationLoss);
                writer.Write(epoch.ValidationAccuracy);
                writer.Write(epoch.Seconds);
            }
            writer.Write(progress.StepInEpoch);
            writer.Write(progress.LossSum);
            writer.Write(progress.Correct);
            writer.Write(progress.Seen);
            writer.Write(batches.Epoch);
            writer.Write(batches.Position);
            TorchGeneratorState.Write(writer);
            model.save(writer);
            optimizer.save_state_dict(writer);
        }
        CheckpointFile.Write(checkpoint.Path, payload.ToArray());
    }

    /// <summary>
    /// Restores <paramref name="checkpoint"/> into the others; a file of another run, or one that does not fit this
    /// model, is an <see cref="InvalidDataException"/> that says what to do.
    /// </summary>
    public static void Restore(RetrainCheckpoint checkpoint, RetrainProgress progress, ShuffledBatches batches, nn.Module model, OptimizerHelper optimizer)
    {
        using var reader = new BinaryReader(new MemoryStream(CheckpointFile.Read(checkpoint.Path)));
        try
        {
            string runKey = reader.ReadString();
            if (runKey != checkpoint.RunKey)
                throw new InvalidDataException(
                    $"The retraining checkpoint '{checkpoint.Path}' belongs to another run ({runKey}), not this one ({checkpoint.RunKey}). " +
                    "Resume with the options that wrote it, or run without --resume to start over.");
            progress.EarlierSeconds = reader.ReadDouble();
            progress.Epochs.Clear();
            int epochs = reader.ReadInt32();
            for (int i = 0; i < epochs; i++)
                progress.Epochs.Add(new EpochRecord(reader.ReadInt32(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble()));
            progress.StepInEpoch = reader.ReadInt32();
            progress.LossSum = reader.ReadDouble();
            progress.Correct = reader.ReadInt64();
            progress.Seen = reader.ReadInt64();
            int batchEpoch = reader.ReadInt32(), batchPosition = reader.ReadInt32();
            batches.Restore(batchEpoch, batchPosition);
            TorchGeneratorState.Read(reader);
            model.load(reader);
            optimizer.load_state_dict(reader);
        }
        catch (Exception error) when (error is EndOfStreamException or IOException or ArgumentException)
        {
            throw new InvalidDataException($"The retraining checkpoint '{checkpoint.Path}' does not fit this run: {error.Message}", error);
        }
    }
}
