using System;
using Parsec.Samples.FashionMnist;
using Parsec.Trials;
using static TorchSharp.torch;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary><c>train-cell</c>: one trial of a table, run as its own process: trains a cell from scratch and writes its result.</summary>
public static class TrainCellCommand
{
    public const string Usage = """
        train-cell: trains one cell from scratch with the recipe on one thread and writes its result atomically.

          --cell STRING       the cell in NAS-Bench-201's string form (required)
          --seed N            seed of the weights and batches                     [1]
          --recipe NAME       default or smoke                                    [default]
          --data DIR          Fashion-MNIST's four *-ubyte.gz files               [/usr/share/datasets/fashion-mnist]
          --trial-id ID       the trial's name, written into the result (required; an executor passes it)
          --result PATH       where the result goes (required; an executor passes it)
        """;

    public static int Run(string[] args)
    {
        var trial = TrialCommandLine.Parse(args);
        var line = new CommandLine("train-cell", trial.Remaining, ["--cell", "--seed", "--recipe", "--data"]);
        var cell = NasBench201Architecture.Parse(line.Required("--cell"));
        long seed = line.Integer("--seed", 1);
        var recipe = CellRecipe.Named(line.Text("--recipe", "default"));
        // One thread: a table trains as many cells at once as there are cores.
        set_num_threads(1);
        var data = Splits.Load(line.Text("--data", FashionMnistData.DebianFolder), recipe.TrainingImages);
        var training = CellTrainer.Train(cell, recipe, data.Training, data.Test, seed);
        new TrialResult(trial.TrialId, training.Accuracy, training.EpochLosses, training.Parameters, training.Seconds, WeightsPath: null).Write(trial.ResultPath);
        Console.WriteLine($"{trial.TrialId}: {100 * training.Accuracy:F2}% in {training.Seconds:F0} s");
        return 0;
    }
}
