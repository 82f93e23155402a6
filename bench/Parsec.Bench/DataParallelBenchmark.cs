using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Parsec.Bench.Workload;
using Parsec.Data;
using Parsec.Training;
using static TorchSharp.torch;

namespace Parsec.Bench;

/// <summary>
/// Training steps of one fixed network (the workload's <c>single</c> mode: sep_conv_5x5 on every edge) as one model
/// using all <c>--threads</c>, against <see cref="DataParallel"/> with two replicas sharing the same threads: the
/// retraining speed-up. The two take turns step by step, so that load from other processes falls on both alike.
/// </summary>
public sealed class DataParallelBenchmark : IBenchmark
{
    private const long Seed = 0;
    private const int Replicas = 2;
    private const double LearningRate = 0.025;

    public string Name => "data-parallel";

    public string Description => "median training step of one model vs two DataParallel replicas on the same threads";

    public Task<int> RunAsync(string[] args)
    {
        var options = WorkloadOptions.Parse(args, new WorkloadOptions { Warmup = 3, Iterations = 30 }, out var unknown);
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"data-parallel: unknown option(s) {string.Join(' ', unknown)}; it takes --batch --channels --warmup --iters --threads");
            return Task.FromResult(2);
        }
        set_num_threads(options.Threads);
        using var batches = new WorkloadBatches(options.BatchSize, options.Steps);
        var evaluation = new ClassificationEvaluation();

        using var alone = Network(options.Channels);
        using var aloneOptimizer = optim.SGD(alone.parameters(), LearningRate);
        using var main = Network(options.Channels);
        using var replicas = new DataParallel(main, () => Network(options.Channels), Replicas, options.Threads, CPU);
        using var replicatedOptimizer = optim.SGD(main.parameters(), LearningRate);
        alone.train();
        replicas.Train();

        var figures = options.Figures(Name);
        figures["replicas"] = Replicas;
        MachineLoad.Record(figures, "start");
        var aloneSteps = new List<double>();
        var replicatedSteps = new List<double>();
        for (int step = 0; step < options.Steps; step++)
        {
            var batch = batches[step];
            var aloneClock = StepClock.Measure(() =>
            {
                using var scope = NewDisposeScope();
                aloneOptimizer.zero_grad();
                evaluation.Evaluate(alone, batch).SummedLoss.div(batch.Size).backward();
                aloneOptimizer.step();
            });
            var replicatedClock = StepClock.Measure(() =>
            {
                using var scope = NewDisposeScope();
                replicas.Backward(batch, evaluation);
                replicatedOptimizer.step();
                replicas.Synchronise();
            });
            bool timed = step >= options.Warmup;
            if (timed)
            {
                aloneSteps.Add(aloneClock.WallMs);
                replicatedSteps.Add(replicatedClock.WallMs);
            }
            Console.WriteLine($"step {step}{(timed ? "" : " (warm-up)")}: one model {aloneClock.WallMs:F0} ms, {Replicas} replicas {replicatedClock.WallMs:F0} ms");
        }
        MachineLoad.Record(figures, "end");

        double aloneMs = Statistics.Median(aloneSteps), replicatedMs = Statistics.Median(replicatedSteps);
        figures["one_model_step_ms"] = Math.Round(aloneMs, 1);
        figures["data_parallel_step_ms"] = Math.Round(replicatedMs, 1);
        figures["one_model_images_per_s"] = Math.Round(1000 * options.BatchSize / aloneMs, 1);
        figures["data_parallel_images_per_s"] = Math.Round(1000 * options.BatchSize / replicatedMs, 1);
        figures["speedup"] = Math.Round(aloneMs / replicatedMs, 3);
        Console.WriteLine(figures.ToJsonString());
        return Task.FromResult(0);
    }

    /// <summary>The workload's fixed network, its initial weights seeded (a replica's are overwritten anyway).</summary>
    private static nn.Module<Tensor, Tensor> Network(int channels)
    {
        manual_seed(Seed);
        return WorkloadNetwork.Single(channels);
    }
}
