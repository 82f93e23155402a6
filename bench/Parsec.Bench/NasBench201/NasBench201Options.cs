using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Parsec.Search.BlackBox;

namespace Parsec.Bench.NasBench201;

/// <summary>
/// The command line of <c>nas-bench-201</c>: <c>--table FILE [--queries 50,100,300] [--seeds 100] [--noise SIGMA]
/// [--max-parameters N] [--k K] [--temperature T] [--learning-rate LR]</c>. The last three set black-box PARSEC, so
/// that a tuning run is the same command as the measurement.
/// </summary>
public sealed record NasBench201Options
{
    /// <summary>What to pass, for error messages.</summary>
    public const string Usage =
        "nas-bench-201 --table FILE [--queries 50,100,300] [--seeds 100] [--noise SIGMA] [--max-parameters N] " +
        "[--k K] [--temperature T] [--learning-rate LR]";

    /// <summary>The noise levels run when <c>--noise</c> is not given: an exact score, and one of a short training run.</summary>
    private static readonly double[] DefaultNoise = [0.0, 1.0];

    public string TablePath { get; init; } = "";

    /// <summary>The query budgets; each is a run of its own.</summary>
    public IReadOnlyList<int> QueryBudgets { get; init; } = [50, 100, 300];

    /// <summary>Runs per strategy, budget and noise level, with seeds 1 to this.</summary>
    public int Seeds { get; init; } = 100;

    /// <summary>The standard deviations of the per-seed Gaussian perturbation of the scores, in accuracy points.</summary>
    public IReadOnlyList<double> NoiseLevels { get; init; } = DefaultNoise;

    /// <summary>The parameter budget of the constrained search, or null for none.</summary>
    public long? MaxParameters { get; init; }

    /// <summary>
    /// Black-box PARSEC's settings, one for every table and noise level: K = 4 (the runtime's default); T = 0.25
    /// accuracy points, because the top cells differ by tenths of a point and T = 1 weighs them almost alike; Adam's
    /// learning rate 0.25, because the runtime's 0.05 leaves the mode short of its best queried cell at 100 queries.
    /// The tuning is in bench/README.md.
    /// </summary>
    public BlackBoxParsecOptions Parsec { get; init; } = new() { Temperature = 0.25, LearningRate = 0.25 };

    /// <summary>Reads the arguments after the benchmark's name; a bad or unknown option is an <see cref="ArgumentException"/> saying what to pass.</summary>
    public static NasBench201Options Parse(IReadOnlyList<string> args)
    {
        var options = new NasBench201Options();
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (i + 1 >= args.Count) throw new ArgumentException($"{name} needs a value.");
            string value = args[++i];
            options = name switch
            {
                "--table" => options with { TablePath = value },
                "--queries" => options with { QueryBudgets = value.Split(',').Select(budget => PositiveInt(name, budget)).Distinct().Order().ToArray() },
                "--seeds" => options with { Seeds = PositiveInt(name, value) },
                "--noise" => options with { NoiseLevels = [Number(name, value, allowZero: true)] },
                "--max-parameters" => options with { MaxParameters = PositiveInt(name, value) },
                "--k" => options with { Parsec = options.Parsec with { Samples = PositiveInt(name, value) } },
                "--temperature" => options with { Parsec = options.Parsec with { Temperature = Number(name, value, allowZero: false) } },
                "--learning-rate" => options with { Parsec = options.Parsec with { LearningRate = Number(name, value, allowZero: false) } },
                _ => throw new ArgumentException($"unknown option {name}."),
            };
        }
        if (options.TablePath.Length == 0)
            throw new ArgumentException("--table is required: pass a NAS-Bench-201 CSV such as ../shared/data/nas-bench-201/cifar10.csv (one row per cell: arch,accuracy).");
        return options;
    }

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) && parsed > 0
            ? parsed
            : throw new ArgumentException($"{name} takes a positive integer, not '{value}'.");

    private static double Number(string name, string value, bool allowZero) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && double.IsFinite(parsed) && (parsed > 0 || (allowZero && parsed == 0))
            ? parsed
            : throw new ArgumentException($"{name} takes a {(allowZero ? "non-negative" : "positive")} finite number, not '{value}'.");
}
