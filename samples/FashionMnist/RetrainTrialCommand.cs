using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Parsec.Trials;
using static TorchSharp.torch;

namespace Parsec.Samples.FashionMnist;

/// <summary>
/// <c>retrain-trial</c>, the hidden command a trial of <c>--compare-random</c> or <c>--retrain-top</c> runs (<see cref="ArchitectureTrials"/>):
/// retrains one exported architecture from scratch with a budget and seed, tests it, and writes a
/// <see cref="TrialResult"/>: the test accuracy, the epochs' training losses, the parameter count and the retraining's
/// seconds over every session.
/// </summary>
public static class RetrainTrialCommand
{
    /// <summary>The command's name, the first argument.</summary>
    public const string Name = "retrain-trial";

    public const string Usage = """
        retrain-trial: retrains one exported architecture from scratch and writes its result (a trial of --compare-random or --retrain-top).

          --source PATH        the exported C# source (required)
          --type NAME          the model class's full name in it (required)
          --budget NAME        default, long or smoke: the retraining's figures     [default]
          --seed N             seed of the weights and batches                        [1]
          --data DIR           Fashion-MNIST's four *-ubyte.gz files                   [/usr/share/datasets/fashion-mnist]
          --device cpu|cuda                                                           [cpu]
          --threads N          torch's threads; 0 keeps its default (OMP_NUM_THREADS) [0]
          --checkpoint PATH    the retraining's checkpoint, written after every epoch (required)
          --resume             continue from the checkpoint when it exists
          --trial-id ID        the trial's name (an executor passes it)
          --result PATH        where the result goes (an executor passes it)
        """;

    /// <summary>Runs the trial; a bad argument is an <see cref="ArgumentException"/> saying what to change.</summary>
    /// <exception cref="FileNotFoundException">The source or a data file is missing.</exception>
    /// <exception cref="InvalidDataException">A data file or the checkpoint to resume from is damaged or another run's.</exception>
    public static int Run(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var trial = TrialCommandLine.Parse(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        bool resume = false;
        string[] valued = ["--source", "--type", "--budget", "--seed", "--data", "--device", "--threads", "--checkpoint"];
        for (int i = 0; i < trial.Remaining.Count; i++)
        {
            string name = trial.Remaining[i];
            if (name == "--resume") resume = true;
            else if (valued.Contains(name) && i + 1 < trial.Remaining.Count) values[name] = trial.Remaining[++i];
            else throw new ArgumentException($"{Name}: '{name}' is not an option or lacks its value.\n{Usage}");
        }
        string Required(string name) => values.GetValueOrDefault(name) ?? throw new ArgumentException($"{Name} needs {name}.\n{Usage}");
        long Whole(string name, long fallback) =>
            !values.TryGetValue(name, out string? text) ? fallback
            : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) ? value
            : throw new ArgumentException($"{Name}: {name} takes a whole number of at least 0, not '{text}'.");

        string sourcePath = Required("--source");
        var model = new ExportedModel(sourcePath, File.ReadAllText(sourcePath), Required("--type"));
        var budget = Budget.Named(values.GetValueOrDefault("--budget", "default"));
        long seed = Whole("--seed", 1);
        string device = values.GetValueOrDefault("--device", "cpu");
        if (device is not ("cpu" or "cuda")) throw new ArgumentException($"{Name}: --device takes cpu or cuda, not '{device}'.");
        if (Whole("--threads", 0) is > 0 and var threads) set_num_threads((int)threads);
        string data = values.GetValueOrDefault("--data", FashionMnistData.DebianFolder);
        var checkpoint = new RetrainCheckpoint(Required("--checkpoint"), Retraining.RunKey(model, budget, seed), resume);

        var splits = Pipeline.RetrainSplits(FashionMnistData.LoadTraining(data, budget.RetrainImages), budget);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var retrained = Retraining.RetrainAndTest(model, budget, seed, checkpoint, weightsPath: null, splits, FashionMnistData.LoadTest(data),
            device == "cuda" && cuda.is_available() ? CUDA : CPU, onStep: null, cancellationToken);
        double seconds = retrained.Training.EarlierSeconds + clock.Elapsed.TotalSeconds;
        new TrialResult(trial.TrialId, retrained.Accuracy, retrained.Training.Epochs.Select(epoch => epoch.TrainingLoss).ToArray(),
            retrained.Parameters, seconds, WeightsPath: null).Write(trial.ResultPath);
        Console.WriteLine($"{trial.TrialId}: test accuracy {100 * retrained.Accuracy:F2}% in {seconds:F0} s");
        return 0;
    }
}
