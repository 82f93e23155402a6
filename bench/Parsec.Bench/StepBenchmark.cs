using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Parsec.Bench.Workload;
using static TorchSharp.torch;

namespace Parsec.Bench;

/// <summary>
/// Step time of the DARTS-cell workload (shared/bench/darts-cell-workload.md) in its three modes, and PARSEC's
/// overhead over the plain training steps of the architectures it sampled. The modes take turns step by step, so
/// that load from other processes on the shared cores falls on all of them alike and the ratios stay comparable.
/// </summary>
public sealed class StepBenchmark : IBenchmark
{
    private const long Seed = 0;

    public string Name => "step";

    public string Description => "median step time of single / parsec (K = 1,4,8) / darts on the DARTS-cell workload";

    public Task<int> RunAsync(string[] args)
    {
        var options = WorkloadOptions.Parse(args, new WorkloadOptions(), out var unknown);
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"step: unknown option(s) {string.Join(' ', unknown)}; it takes --batch --channels --warmup --iters --threads --k");
            return Task.FromResult(2);
        }
        set_num_threads(options.Threads);
        // One batch more than the steps, as the workload reads it (its last, untimed step counts saved tensors).
        using var batches = new WorkloadBatches(options.BatchSize, options.Steps + 1);

        var trainers = new List<WorkloadTrainer> { new(WorkloadMode.Single, options.Channels, 1, Seed) };
        trainers.AddRange(options.Samples.Select(k => new WorkloadTrainer(WorkloadMode.Parsec, options.Channels, k, Seed)));
        trainers.Add(new WorkloadTrainer(WorkloadMode.Darts, options.Channels, 1, Seed));
        var figures = options.Figures(Name);
        bool parametersMatch = ParameterCheck.Report(trainers, options.Channels, figures);
        MachineLoad.Record(figures, "start");

        var steps = trainers.ToDictionary(trainer => trainer, _ => new List<StepClock>());
        var sampled = trainers.ToDictionary(trainer => trainer, _ => new List<StepClock>());
        for (int step = 0; step < options.Steps; step++)
        {
            bool timed = step >= options.Warmup;
            foreach (var trainer in trainers)
            {
                var batch = batches[step];
                var architectures = trainer.Mode == WorkloadMode.Parsec ? trainer.UpcomingSamples() : null;
                var clock = StepClock.Measure(() => trainer.Step(step, batch));
                if (timed) steps[trainer].Add(clock);
                if (!timed || architectures is null) continue;
                // The same batch and architectures, each as a plain training step: the PARSEC step's cost without
                // any sampling, weighting or rescaling.
                sampled[trainer].Add(architectures
                    .Select(architecture => StepClock.Measure(() => trainer.StepSelected(architecture, batch)))
                    .Aggregate((total, next) => total + next));
            }
            Console.WriteLine($"step {step}{(timed ? "" : " (warm-up)")}: "
                + string.Join(", ", trainers.Select(t => $"{Label(t)} {(timed ? $"{steps[t][^1].WallMs:F0} ms" : "-")}")));
        }
        MachineLoad.Record(figures, "end");

        foreach (var (suffix, read) in new (string, Func<StepClock, double>)[] { ("", c => c.WallMs), ("_cpu", c => c.CpuMs) })
        {
            double Median(WorkloadTrainer trainer) => Statistics.Median(steps[trainer].Select(read));
            double single = Median(trainers[0]);
            figures[$"single_step_ms{suffix}"] = Round(single);
            foreach (var trainer in trainers.Where(t => t.Mode == WorkloadMode.Parsec))
            {
                int k = trainer.Samples;
                figures[$"parsec_step_ms_k{k}{suffix}"] = Round(Median(trainer));
                figures[$"sampled_single_step_ms_k{k}{suffix}"] = Round(Statistics.Median(sampled[trainer].Select(c => read(c) / k)));
                figures[$"step_over_k_single_k{k}{suffix}"] =
                    Round(Statistics.Median(steps[trainer].Zip(sampled[trainer], (parsec, plain) => read(parsec) / read(plain))));
                figures[$"parsec_k{k}_over_single{suffix}"] = Round(Median(trainer) / single);
            }
            figures[$"darts_step_ms{suffix}"] = Round(Median(trainers[^1]));
            figures[$"darts_over_single{suffix}"] = Round(Median(trainers[^1]) / single);
        }

        foreach (var trainer in trainers) trainer.Dispose();
        Console.WriteLine(figures.ToJsonString());
        return Task.FromResult(parametersMatch ? 0 : 1);
    }

    private static string Label(WorkloadTrainer trainer) =>
        trainer.Mode == WorkloadMode.Parsec ? $"parsec k{trainer.Samples}" : trainer.Mode.Key();

    private static double Round(double value) => Math.Round(value, 3);
}
