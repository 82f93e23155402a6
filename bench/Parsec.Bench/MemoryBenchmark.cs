using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Parsec.Bench.Workload;
using static TorchSharp.torch;

namespace Parsec.Bench;

/// <summary>
/// Peak memory of the DARTS-cell workload's three modes. Each mode runs in a child process of its own (this
/// benchmark re-launched with <c>--child MODE</c>), so each VmHWM belongs to one mode alone.
/// </summary>
public sealed class MemoryBenchmark : IBenchmark
{
    private const long Seed = 0;
    private const string ChildOption = "--child";

    public string Name => "memory";

    public string Description => "peak resident memory of single / parsec / darts steps, each in its own process";

    public async Task<int> RunAsync(string[] args)
    {
        var defaults = new WorkloadOptions { Warmup = 1, Iterations = 3, Samples = new[] { 4 } };
        var options = WorkloadOptions.Parse(args, defaults, out var unknown);
        string? childMode = unknown.Count == 2 && unknown[0] == ChildOption ? unknown[1] : null;
        if ((unknown.Count > 0 && childMode is null) || options.Samples.Count != 1)
        {
            Console.Error.WriteLine("memory takes --batch --channels --warmup --iters --threads and one --k");
            return 2;
        }
        return childMode is null ? await RunParentAsync(options) : RunChild(WorkloadModes.Parse(childMode), options);
    }

    private async Task<int> RunParentAsync(WorkloadOptions options)
    {
        var figures = options.Figures(Name);
        figures["k"] = options.Samples[0];
        figures["ratios_of"] = "peak_increase_mb: VmHWM over the steps minus VmRSS just before the first step (model built, data loaded); *_vmhwm ratios use raw VmHWM";
        bool allMatch = true, peaksReset = true;
        var results = new Dictionary<WorkloadMode, JsonObject>();
        foreach (var mode in Enum.GetValues<WorkloadMode>())
        {
            var (exitCode, result) = await ChildBenchmark.RunAsync(new[] { Name, ChildOption, mode.Key() }.Concat(options.ToArguments()), mode.Key());
            if (result is null) return 1;
            results[mode] = result;
            allMatch &= exitCode == 0;
            peaksReset &= result["peak_reset"]!.GetValue<bool>();
            foreach (string key in new[] { "parameters", "baseline_rss_mb", "vmhwm_before_steps_mb", "vmhwm_mb", "peak_increase_mb" })
                figures[$"{mode.Key()}_{key}"] = result[key]!.GetValue<double>();
            Console.WriteLine($"{mode.Key()}: VmHWM {result["vmhwm_mb"]} MB, peak increase {result["peak_increase_mb"]} MB over {result["baseline_rss_mb"]} MB");
        }
        if (options.Channels == 16) figures["parameters_match_spec"] = allMatch;
        figures["peak_reset"] = peaksReset;
        double Ratio(WorkloadMode mode, string key) =>
            Math.Round(results[mode][key]!.GetValue<double>() / results[WorkloadMode.Single][key]!.GetValue<double>(), 3);
        figures["parsec_over_single"] = Ratio(WorkloadMode.Parsec, "peak_increase_mb");
        figures["darts_over_single"] = Ratio(WorkloadMode.Darts, "peak_increase_mb");
        figures["parsec_over_single_vmhwm"] = Ratio(WorkloadMode.Parsec, "vmhwm_mb");
        figures["darts_over_single_vmhwm"] = Ratio(WorkloadMode.Darts, "vmhwm_mb");
        Console.WriteLine(figures.ToJsonString());
        return allMatch ? 0 : 1;
    }

    /// <summary>One mode, alone in this process: build, load, then VmRSS, the steps, and VmHWM.</summary>
    private static int RunChild(WorkloadMode mode, WorkloadOptions options)
    {
        set_num_threads(options.Threads);
        using var batches = new WorkloadBatches(options.BatchSize, options.Steps + 1);
        using var trainer = new WorkloadTrainer(mode, options.Channels, options.Samples[0], Seed);
        var figures = new JsonObject { ["mode"] = mode.Key() };
        bool parametersMatch = ParameterCheck.Report(new[] { trainer }, options.Channels, figures);
        figures["parameters"] = trainer.ParameterCount;

        // Settle the managed heap so the baseline holds the model and data, not construction garbage.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        double beforeSteps = ProcessMemory.PeakMegabytes(), baseline = ProcessMemory.ResidentMegabytes();
        bool reset = ProcessMemory.TryResetPeak();
        for (int step = 0; step < options.Steps; step++) trainer.Step(step, batches[step]);
        double stepPeak = ProcessMemory.PeakMegabytes();

        figures["baseline_rss_mb"] = Math.Round(baseline, 1);
        figures["vmhwm_before_steps_mb"] = Math.Round(beforeSteps, 1);
        // With the reset, the peak over the steps is read directly; without it VmHWM may predate the steps.
        figures["vmhwm_mb"] = Math.Round(Math.Max(beforeSteps, stepPeak), 1);
        figures["peak_increase_mb"] = Math.Round(stepPeak - baseline, 1);
        figures["peak_reset"] = reset;
        Console.WriteLine(figures.ToJsonString());
        return parametersMatch ? 0 : 1;
    }
}
