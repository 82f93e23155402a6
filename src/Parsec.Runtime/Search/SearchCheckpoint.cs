using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Parsec.Data;
using Parsec.Persistence;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parsec.Search;

/// <summary>
/// Saves and restores a <see cref="RunState"/>: step and history, the sampling generator, the data iterators, torch's
/// CPU generator, the model's weights, the weight optimizer and the strategy's own state.
/// </summary>
internal static class SearchCheckpoint
{
    public static void Save(string path, RunState run, double elapsedSeconds)
    {
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(run.Strategy.Name);
            writer.Write(run.Step);
            writer.Write(elapsedSeconds);
            foreach (ulong word in run.Random.State) writer.Write(word);
            WriteBatches(writer, run.Training);
            WriteBatches(writer, run.Validation);
            TorchGeneratorState.Write(writer);
            writer.Write(run.History.Count);
            foreach (var record in run.History)
            {
                writer.Write(record.Step);
                writer.Write(record.Figures.Loss);
                writer.Write(record.Figures.Accuracy);
                writer.Write(record.Figures.EffectiveSampleSize);
                writer.Write(record.Figures.Entropy);
                writer.Write(record.ElapsedSeconds);
            }
            run.Strategy.Space.Model.save(writer);
            OptimizerOf(run).save_state_dict(writer);
            run.Strategy.SaveState(writer);
        }
        CheckpointFile.Write(path, payload.ToArray());
    }

    public static void Restore(string path, RunState run)
    {
        using var reader = new BinaryReader(new MemoryStream(CheckpointFile.Read(path)));
        try
        {
            string strategy = reader.ReadString();
            if (strategy != run.Strategy.Name)
                throw new ArgumentException($"The checkpoint '{path}' was written by the {strategy} strategy, not {run.Strategy.Name}.");
            run.Step = reader.ReadInt32();
            run.EarlierSeconds = reader.ReadDouble();
            run.Random.State = Enumerable.Range(0, 4).Select(_ => reader.ReadUInt64()).ToImmutableArray();
            ReadBatches(reader, run.Training);
            ReadBatches(reader, run.Validation);
            TorchGeneratorState.Read(reader);
            run.History.Clear();
            int records = reader.ReadInt32();
            for (int i = 0; i < records; i++)
                run.History.Add(new StepRecord(reader.ReadInt32(),
                    new StepFigures(reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble()),
                    reader.ReadDouble()));
            run.Strategy.Space.Model.load(reader);
            OptimizerOf(run).load_state_dict(reader);
            run.Strategy.LoadState(reader);
        }
        catch (Exception error) when (error is EndOfStreamException or IOException)
        {
            throw new InvalidDataException($"The checkpoint '{path}' does not fit this run: {error.Message}", error);
        }
    }

    private static OptimizerHelper OptimizerOf(RunState run) =>
        run.WeightOptimizer as OptimizerHelper
        ?? throw new NotSupportedException(
            $"The weight optimizer {run.WeightOptimizer.GetType().Name} cannot save its state; checkpoints need a TorchSharp optimizer.");

    private static void WriteBatches(BinaryWriter writer, ShuffledBatches? batches)
    {
        writer.Write(batches?.Epoch ?? -1);
        writer.Write(batches?.Position ?? -1);
    }

    private static void ReadBatches(BinaryReader reader, ShuffledBatches? batches)
    {
        int epoch = reader.ReadInt32();
        int position = reader.ReadInt32();
        if (batches is not null && epoch >= 0) batches.Restore(epoch, position);
    }
}
