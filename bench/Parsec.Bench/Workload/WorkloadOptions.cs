using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace Parsec.Bench.Workload;

/// <summary>
/// The command-line settings of the workload benchmarks (darts-cell-workload.md): <c>--batch --channels --warmup
/// --iters --threads --k</c>. Unknown options are an error, so a typo never silently runs the defaults.
/// </summary>
public sealed record WorkloadOptions
{
    public int BatchSize { get; init; } = 64;

    public int Channels { get; init; } = 16;

    public int Warmup { get; init; } = 2;

    public int Iterations { get; init; } = 10;

    public int Threads { get; init; } = 2;

    /// <summary>The PARSEC sample counts K to run.</summary>
    public IReadOnlyList<int> Samples { get; init; } = new[] { 1, 4, 8 };

    /// <summary>Warm-up plus timed steps.</summary>
    public int Steps => Warmup + Iterations;

    /// <summary>Reads the options after the benchmark's name over <paramref name="defaults"/>; returns the arguments it did not know.</summary>
    public static WorkloadOptions Parse(IReadOnlyList<string> args, WorkloadOptions defaults, out List<string> unknown)
    {
        var options = defaults;
        unknown = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (name is not ("--batch" or "--channels" or "--warmup" or "--iters" or "--threads" or "--k"))
            {
                unknown.Add(name);
                continue;
            }
            if (i + 1 >= args.Count) throw new ArgumentException($"{name} needs a value.");
            string value = args[++i];
            options = name switch
            {
                "--batch" => options with { BatchSize = Positive(name, value) },
                "--channels" => options with { Channels = Positive(name, value) },
                "--warmup" => options with { Warmup = NonNegative(name, value) },
                "--iters" => options with { Iterations = Positive(name, value) },
                "--threads" => options with { Threads = Positive(name, value) },
                _ => options with { Samples = value.Split(',').Select(k => Positive(name, k)).Distinct().ToArray() },
            };
        }
        return options;
    }

    /// <summary>These options as arguments that <see cref="Parse"/> reads back, for a child process.</summary>
    public IEnumerable<string> ToArguments() => new[]
    {
        "--batch", Invariant(BatchSize), "--channels", Invariant(Channels), "--warmup", Invariant(Warmup),
        "--iters", Invariant(Iterations), "--threads", Invariant(Threads), "--k", string.Join(',', Samples.Select(Invariant)),
    };

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) && parsed > 0
            ? parsed
            : throw new ArgumentException($"{name} takes a positive integer, not '{value}'.");

    private static int NonNegative(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed)
            ? parsed
            : throw new ArgumentException($"{name} takes a non-negative integer, not '{value}'.");

    /// <summary>The first keys of a benchmark's JSON: its name and these settings.</summary>
    public JsonObject Figures(string benchmark) => new()
    {
        ["benchmark"] = benchmark,
        ["batch"] = BatchSize,
        ["channels"] = Channels,
        ["threads"] = Threads,
        ["warmup"] = Warmup,
        ["iters"] = Iterations,
    };
}
