using System;
using System.Collections.Generic;
using System.Globalization;

namespace Parsec.Samples.FashionMnist;

/// <summary>The command line of the Fashion-MNIST sample.</summary>
public sealed record SampleOptions
{
    /// <summary>The text <c>--help</c> prints.</summary>
    public const string Usage = """
        Parsec on Fashion-MNIST: PARSEC search -> export -> retrain from scratch -> test evaluation.

        usage: samples/FashionMnist/run.sh [options]

          --budget NAME        default (10-12 min on 2 cores), long (2-2.5 h), or smoke (seconds) [default]
          --seed N             seed of the search, the retraining and the random baselines      [1]
          --samples K          architectures PARSEC samples per step                             [4]
          --device cpu|cuda    where to train; cuda falls back to cpu when unavailable           [cpu]
          --out DIR            where artifacts go (created; an error if it cannot be written)    [artifacts]
          --data DIR           folder with the four Fashion-MNIST *-ubyte.gz files               [/usr/share/datasets/fashion-mnist]
          --resume             continue from the checkpoints in DIR (search and retrainings); with
                               no search checkpoint there it says so and starts a new run
          --compare-random N   also retrain N uniformly random architectures and compare         [0]
                               (and how well the search's shared weights ranked them: Kendall τ)
          --retrain-top N      also retrain the N most probable architectures of the learned    [0]
                               distribution and report each one's test accuracy
          --threads N          CPU threads torch uses; 0 keeps torch's default (every core)      [0]
          --executor local|slurm  where --compare-random's and --retrain-top's cells retrain, each a trial:
                               child processes here (one core each), or Slurm job arrays       [local]
          --workers N          local: trials at once                                             [cores]
          --partition NAME     slurm: the partition
          --account NAME       slurm: the account
          --time-limit MINUTES slurm: each trial's time limit
          --memory MB          slurm: each trial's memory
          --sbatch LINE        slurm: one more #SBATCH line, such as "#SBATCH --qos=long"
          --help               this text

        Ctrl-C stops the search or a retraining at a step boundary after writing a checkpoint (a retraining also
        writes one after every epoch); the same options with --resume go on from it.
        """;

    public Budget Budget { get; init; } = Budget.Default;
    public long Seed { get; init; } = 1;
    public int Samples { get; init; } = 4;
    public string Device { get; init; } = "cpu";
    public string Output { get; init; } = "artifacts";
    public string Data { get; init; } = FashionMnistData.DebianFolder;
    public bool Resume { get; init; }
    public int CompareRandom { get; init; }
    /// <summary>How many of the learned distribution's most probable architectures to retrain; 0 for none.</summary>
    public int RetrainTop { get; init; }
    /// <summary>torch's intra-op threads; 0 keeps its default. Two runs sharing a machine go faster with one thread each than fighting over all.</summary>
    public int Threads { get; init; }
    /// <summary>Where the random and most probable cells' retraining trials run (<c>--executor</c> and the options after it).</summary>
    public TrialExecutorSettings Executor { get; init; } = new();
    public bool Help { get; init; }

    /// <summary>Parses the arguments; a mistake is an <see cref="ArgumentException"/> that says what to change.</summary>
    public static SampleOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SampleOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--budget" => options with { Budget = Budget.Named(Value()) },
                "--seed" => options with { Seed = Integer(name, Value(), 0) },
                "--samples" => options with { Samples = (int)Integer(name, Value(), 1) },
                "--device" => options with { Device = DeviceName(Value()) },
                "--out" => options with { Output = Value() },
                "--data" => options with { Data = Value() },
                "--resume" => options with { Resume = true },
                "--compare-random" => options with { CompareRandom = (int)Integer(name, Value(), 0) },
                "--retrain-top" => options with { RetrainTop = (int)Integer(name, Value(), 0) },
                "--threads" => options with { Threads = (int)Integer(name, Value(), 0) },
                "--executor" => options with { Executor = options.Executor with { Executor = ExecutorName(Value()) } },
                "--workers" => options with { Executor = options.Executor with { Workers = (int)Integer(name, Value(), 1) } },
                "--partition" => options with { Executor = options.Executor with { Partition = Value() } },
                "--account" => options with { Executor = options.Executor with { Account = Value() } },
                "--time-limit" => options with { Executor = options.Executor with { TimeLimitMinutes = (int)Integer(name, Value(), 1) } },
                "--memory" => options with { Executor = options.Executor with { MemoryMegabytes = (int)Integer(name, Value(), 1) } },
                "--sbatch" => options with { Executor = options.Executor with { ExtraDirective = Value() } },
                "--help" or "-h" => options with { Help = true },
                _ => throw new ArgumentException($"Unknown option '{name}'; run with --help for the list."),
            };
        }
        return options;
    }

    private static long Integer(string name, string text, long minimum) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) && value >= minimum && value <= int.MaxValue
            ? value
            : throw new ArgumentException($"{name} takes a whole number of at least {minimum}, not '{text}'.");

    private static string ExecutorName(string text) =>
        text is "local" or "slurm" ? text : throw new ArgumentException($"--executor takes local or slurm, not '{text}'.");

    private static string DeviceName(string text) =>
        text is "cpu" or "cuda" ? text : throw new ArgumentException($"--device takes cpu or cuda, not '{text}'.");
}
