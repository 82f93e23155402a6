using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Parsec.Bench.Workload;
using Parsec.Training;
using static TorchSharp.torch;

namespace Parsec.Bench;

/// <summary>
/// Training steps of the workload with glibc's default allocator settings against <see cref="NativeAllocator.KeepFreedMemory"/>.
/// The allocator's settings belong to a process, so each pair of mode and setting runs in a child process of its own
/// (this benchmark re-launched with <c>--child MODE SETTING</c>), the two settings of a mode one after the other.
/// </summary>
public sealed class AllocatorBenchmark : IBenchmark
{
    private const long Seed = 0;
    private const string ChildOption = "--child";
    private const string Default = "default", KeepFreed = "keep-freed";
    private static readonly WorkloadMode[] Modes = { WorkloadMode.Single, WorkloadMode.Parsec };

    public string Name => "allocator";

    public string Description => "training steps with glibc's default malloc settings vs NativeAllocator.KeepFreedMemory, each in its own process";

    public async Task<int> RunAsync(string[] args)
    {
        // One thread and the retraining's per-core batch: the case the retraining's replicas run.
        var defaults = new WorkloadOptions { BatchSize = 32, Threads = 1, Warmup = 3, Iterations = 15, Samples = new[] { 4 } };
        var options = WorkloadOptions.Parse(args, defaults, out var unknown);
        bool child = unknown.Count == 3 && unknown[0] == ChildOption && unknown[2] is Default or KeepFreed;
        if ((unknown.Count > 0 && !child) || options.Samples.Count != 1)
        {
            Console.Error.WriteLine("allocator takes --batch --channels --warmup --iters --threads and one --k");
            return 2;
        }
        return child ? RunChild(WorkloadModes.Parse(unknown[1]), unknown[2] == KeepFreed, options) : await RunParentAsync(options);
    }

    private async Task<int> RunParentAsync(WorkloadOptions options)
    {
        var figures = options.Figures(Name);
        figures["k"] = options.Samples[0];
        MachineLoad.Record(figures, "start");
        foreach (var mode in Modes)
        {
            var stepMs = new Dictionary<string, double>();
            foreach (string setting in new[] { Default, KeepFreed })
            {
                string label = $"{mode.Key()} {setting}";
                var (exitCode, result) = await ChildBenchmark.RunAsync(new[] { Name, ChildOption, mode.Key(), setting }.Concat(options.ToArguments()), label);
                if (result is null || exitCode != 0) return 1;
                stepMs[setting] = result["step_ms"]!.GetValue<double>();
                figures[$"{mode.Key()}_{setting.Replace('-', '_')}_step_ms"] = stepMs[setting];
                figures[$"{mode.Key()}_{setting.Replace('-', '_')}_system_cpu_ms"] = result["system_cpu_ms"]!.GetValue<double>();
                Console.WriteLine($"{label}: median step {stepMs[setting]} ms");
            }
            figures[$"{mode.Key()}_speedup"] = Math.Round(stepMs[Default] / stepMs[KeepFreed], 3);
        }
        MachineLoad.Record(figures, "end");
        Console.WriteLine(figures.ToJsonString());
        return 0;
    }

    /// <summary>One mode under one setting, alone in this process: the median wall time of a step, and the kernel CPU time per step.</summary>
    private static int RunChild(WorkloadMode mode, bool keepFreed, WorkloadOptions options)
    {
        if (keepFreed && !NativeAllocator.KeepFreedMemory())
        {
            Console.Error.WriteLine("NativeAllocator.KeepFreedMemory is not available here (it needs Linux with glibc).");
            return 2;
        }
        set_num_threads(options.Threads);
        using var batches = new WorkloadBatches(options.BatchSize, options.Steps);
        using var trainer = new WorkloadTrainer(mode, options.Channels, options.Samples[0], Seed);
        var steps = new List<double>();
        var systemBefore = TimeSpan.Zero;
        for (int step = 0; step < options.Steps; step++)
        {
            if (step == options.Warmup) systemBefore = SystemCpuTime();
            var clock = StepClock.Measure(() => trainer.Step(step, batches[step]));
            if (step >= options.Warmup) steps.Add(clock.WallMs);
        }
        var figures = new JsonObject
        {
            ["mode"] = mode.Key(),
            ["keep_freed"] = keepFreed,
            ["step_ms"] = Math.Round(Statistics.Median(steps), 1),
            ["system_cpu_ms"] = Math.Round((SystemCpuTime() - systemBefore).TotalMilliseconds / steps.Count, 1),
        };
        Console.WriteLine(figures.ToJsonString());
        return 0;
    }

    private static TimeSpan SystemCpuTime()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.PrivilegedProcessorTime;
    }
}
