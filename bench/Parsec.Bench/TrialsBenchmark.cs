using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Parsec.Bench.Trials;
using Parsec.Bench.Workload;
using Parsec.Search;
using Parsec.Trials;

namespace Parsec.Bench;

/// <summary>
/// The same trials (the NAS-Bench-201 Fashion-MNIST sample's <c>train-cell</c>: one cell, seeds 1..count, one
/// thread each) one after another, on the local pool, and on a Slurm cluster; the speed-up of each over serial and
/// the executors' overhead per trial from each trial's start, end and read-back times.
/// </summary>
public sealed class TrialsBenchmark : IBenchmark
{
    private const string Cell = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|";
    private const string Usage = """
        usage: trials [--count N] [--recipe default|smoke] [--executors serial,pool,slurm] [--program DLL] [--work DIR]
          --count N        trials per executor (seeds 1..N of one cell)                       [8]
          --recipe NAME    the sample's recipe                                               [default]
          --executors      which to run, comma-separated                                     [serial,pool,slurm]
          --program DLL    the sample's built assembly        [samples/NasBench201.FashionMnist/bin/Release/net10.0/NasBench201.FashionMnist.dll]
          --work DIR       where results go (a fresh subdirectory per executor)                [a new temporary directory]
        The Slurm run needs a cluster: tools/slurm/start-cluster.sh starts one on this machine.
        """;

    public string Name => "trials";

    public string Description => "eight short training trials serially, on the local trial pool and on Slurm: speed-ups and Slurm's overhead per trial";

    public Task<int> RunAsync(string[] args)
    {
        var options = new Dictionary<string, string>
        {
            ["--count"] = "8", ["--recipe"] = "default", ["--executors"] = "serial,pool,slurm",
            ["--program"] = Path.Combine(RepositoryRoot(), "samples", "NasBench201.FashionMnist", "bin", "Release", "net10.0", "NasBench201.FashionMnist.dll"),
            ["--work"] = Path.Combine(Path.GetTempPath(), $"parsec-trials-bench-{Guid.NewGuid():N}"),
        };
        for (int i = 0; i < args.Length; i += 2)
        {
            if (!options.ContainsKey(args[i]) || i + 1 >= args.Length)
            {
                Console.Error.WriteLine($"trials: '{args[i]}' is not an option or has no value.\n{Usage}");
                return Task.FromResult(2);
            }
            options[args[i]] = args[i + 1];
        }
        if (!File.Exists(options["--program"]))
        {
            Console.Error.WriteLine($"trials: {options["--program"]} does not exist: build it with 'dotnet build samples/NasBench201.FashionMnist -c Release' or pass --program.");
            return Task.FromResult(2);
        }
        int count = int.Parse(options["--count"], CultureInfo.InvariantCulture);
        string host = Environment.ProcessPath!;
        var trials = Enumerable.Range(1, count)
            .Select(seed => new TrialSpec($"seed-{seed}", host, [options["--program"], "train-cell", "--cell", Cell, "--seed", seed.ToString(CultureInfo.InvariantCulture), "--recipe", options["--recipe"]]))
            .ToList();
        // The dotnet host runs the sample's assembly; ForCurrentProcess would run this benchmark instead.
        if (Path.GetFileNameWithoutExtension(host) != "dotnet")
            trials = trials.Select(trial => new TrialSpec(trial.Id, "dotnet", trial.Arguments)).ToList();

        var figures = new JsonObject { ["benchmark"] = Name, ["trials"] = count, ["recipe"] = options["--recipe"], ["cores"] = Environment.ProcessorCount };
        MachineLoad.Record(figures, "start");
        var runs = new Dictionary<string, (double Seconds, IReadOnlyList<TrialTimeline> Timelines, DateTime Started, int Slots)>();
        foreach (string executorName in options["--executors"].Split(','))
        {
            string results = Path.Combine(options["--work"], executorName);
            var (executor, slots) = executorName switch
            {
                "serial" => ((ITrialExecutor)new LocalTrialPool(new LocalTrialPoolOptions { ResultsDirectory = results, Workers = 1, Retries = 0 }), 1),
                "pool" => (new LocalTrialPool(new LocalTrialPoolOptions { ResultsDirectory = results, Retries = 0 }), Environment.ProcessorCount),
                "slurm" => (new SlurmTrialExecutor(new SlurmTrialOptions { ResultsDirectory = results, Retries = 0, PollInterval = TimeSpan.FromSeconds(1), ResultWait = TimeSpan.FromSeconds(2) }), Environment.ProcessorCount),
                _ => throw new ArgumentException($"Unknown executor '{executorName}': use serial, pool or slurm."),
            };
            var reads = new Dictionary<string, DateTime>();
            var progress = new SynchronousProgress<TrialOutcome>(outcome =>
            {
                reads[outcome.Trial.Id] = DateTime.UtcNow;
                Console.WriteLine($"  [{executorName}] {outcome.Trial.Id}: {(outcome.Succeeded ? $"{100 * outcome.Result!.Accuracy:F2}% in {outcome.Result.Seconds:F1} s" : outcome.Error)}");
            });
            Console.WriteLine($"{executorName}: {count} trials into {results}");
            var started = DateTime.UtcNow;
            var clock = Stopwatch.StartNew();
            var outcomes = executor.Run(trials, progress, CancellationToken.None);
            double seconds = clock.Elapsed.TotalSeconds;
            runs[executorName] = (seconds, outcomes.Select(outcome => TrialTimeline.Of(results, outcome, reads[outcome.Trial.Id])).ToList(), started, slots);
            figures[$"{executorName}_s"] = Math.Round(seconds, 1);
            Console.WriteLine($"{executorName}: {seconds:F1} s");
        }
        MachineLoad.Record(figures, "end");

        if (runs.TryGetValue("serial", out var serial))
            foreach (var (name, run) in runs.Where(entry => entry.Key != "serial"))
                figures[$"{name}_speedup"] = Math.Round(serial.Seconds / run.Seconds, 2);
        foreach (var (name, run) in runs)
        {
            var firstWave = run.Timelines.OrderBy(timeline => timeline.Start).Take(run.Slots);
            figures[$"{name}_submit_to_start_ms"] = Math.Round(Statistics.Median(firstWave.Select(timeline => (timeline.Start - run.Started).TotalMilliseconds).ToList()));
            var gaps = TrialTimeline.IdleGapsMs(run.Timelines, run.Slots);
            if (gaps.Count > 0) figures[$"{name}_idle_cpu_between_trials_ms"] = Math.Round(Statistics.Median(gaps.ToList()));
            figures[$"{name}_end_to_read_ms"] = Math.Round(Statistics.Median(run.Timelines.Select(timeline => (timeline.Read - timeline.End).TotalMilliseconds).ToList()));
            figures[$"{name}_trial_median_s"] = Math.Round(Statistics.Median(run.Timelines.Select(timeline => (timeline.End - timeline.Start).TotalSeconds).ToList()), 1);
        }
        var accuracies = runs.Values.Select(run => string.Join(',', run.Timelines.Select(timeline => timeline.Accuracy.ToString("R", CultureInfo.InvariantCulture)))).Distinct().ToList();
        figures["same_accuracies"] = accuracies.Count == 1;
        Console.WriteLine(figures.ToJsonString());
        return Task.FromResult(accuracies.Count == 1 ? 0 : 1);
    }

    private static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
