using System;
using System.Linq;
using Parsec.Data;
using Parsec.Search;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parsec.Training;

/// <summary>
/// One model trained on several cores at once, inside one process: each replica runs forward and backward on its
/// shard of the batch, the shards' gradients are summed into the main model (whose optimizer then steps), and
/// <see cref="Synchronise"/> copies its weights to the replicas. Small convolutions split badly across cores, so
/// replicas with one torch thread each train more images per second than one model on every thread (the
/// <c>data-parallel</c> benchmark in bench/README.md).
/// The figures do not depend on the machine's cores: the replica count fixes the arithmetic (BatchNorm normalises
/// each shard by its own statistics), the gradients are summed in replica order, and with fewer workers than
/// replicas a worker runs its replicas one after another.
/// A NaN or infinite loss or gradient on any shard stops the step with a <see cref="TrainingDivergedException"/>
/// before the optimizer takes it, so a diverged step never reaches the weights or a checkpoint.
/// </summary>
public sealed class DataParallel : IDisposable
{
    private readonly nn.Module<Tensor, Tensor>[] replicas;
    private readonly Parameter[][] parameters;
    private readonly Tensor[][] buffers;
    private readonly TorchWorkers workers;

    /// <param name="main">The model the optimizer steps; replica 0.</param>
    /// <param name="createReplica">Builds another model of <paramref name="main"/>'s shape; its initial weights are overwritten.</param>
    /// <param name="replicaCount">Shards of every batch, one replica each.</param>
    /// <param name="threads">Cores to use: min(replicas, threads) workers, the threads shared among them.</param>
    /// <param name="device">Where the replicas live; <paramref name="main"/> is moved there too.</param>
    public DataParallel(nn.Module<Tensor, Tensor> main, Func<nn.Module<Tensor, Tensor>> createReplica, int replicaCount, int threads, Device device)
    {
        if (replicaCount < 1) throw new ArgumentOutOfRangeException(nameof(replicaCount), replicaCount, "Train at least one replica.");
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(threads), threads, "Use at least one thread.");
        replicas = new nn.Module<Tensor, Tensor>[replicaCount];
        replicas[0] = main.to(device);
        for (int r = 1; r < replicaCount; r++) replicas[r] = createReplica().to(device);
        parameters = replicas.Select(replica => replica.parameters().ToArray()).ToArray();
        buffers = replicas.Select(replica => replica.buffers().ToArray()).ToArray();
        if (parameters.Any(p => p.Length != parameters[0].Length) || buffers.Any(b => b.Length != buffers[0].Length))
            throw new ArgumentException("createReplica built a model of another shape than the main model.", nameof(createReplica));
        int workerCount = Math.Min(replicaCount, threads);
        workers = new TorchWorkers(workerCount, Math.Max(1, threads / workerCount));
        Broadcast();
    }

    /// <summary>The model the optimizer steps, and the one to evaluate and save.</summary>
    public nn.Module<Tensor, Tensor> Main => replicas[0];

    /// <summary>Puts every replica in training mode.</summary>
    public void Train()
    {
        foreach (var replica in replicas) replica.train();
    }

    /// <summary>
    /// Leaves the gradient of <paramref name="batch"/>'s mean loss in <see cref="Main"/>'s <c>.grad</c> (zeroed
    /// first) and returns the batch's summed loss and correct count.
    /// </summary>
    /// <exception cref="TrainingDivergedException">A shard's loss or gradient is NaN or infinite; step no optimizer on it.</exception>
    public (double SummedLoss, long Correct) Backward(Batch batch, IEvaluation evaluation)
    {
        using var pause = CollectionPause.Begin();
        var losses = new double[replicas.Length];
        var correct = new long[replicas.Length];
        var gradientTotals = new double[replicas.Length];
        workers.Run(worker =>
        {
            for (int r = worker; r < replicas.Length; r += workers.Count)
            {
                using var scope = NewDisposeScope();
                replicas[r].zero_grad();
                var (start, size) = Shard(batch.Size, r);
                if (size == 0) continue;
                var result = evaluation.Evaluate(replicas[r], new Batch(batch.Inputs.narrow(0, start, size), batch.Labels.narrow(0, start, size)));
                result.SummedLoss.div(batch.Size).backward();
                losses[r] = result.SummedLoss.item<float>();
                correct[r] = result.Correct;
                gradientTotals[r] = GradientTotal(parameters[r]);
            }
        });
        for (int r = 0; r < replicas.Length; r++)
        {
            if (!double.IsFinite(losses[r])) throw new TrainingDivergedException(r, "loss", losses[r]);
            if (!double.IsFinite(gradientTotals[r])) throw new TrainingDivergedException(r, "gradient", gradientTotals[r]);
        }
        using var scope = NewDisposeScope();
        using (no_grad())
            for (int r = 1; r < replicas.Length; r++)
                for (int i = 0; i < parameters[0].Length; i++)
                    if (parameters[r][i].grad is { } gradient) Gradient(parameters[0][i]).add_(gradient);
        return (losses.Sum(), correct.Sum());
    }

    /// <summary>
    /// After <see cref="Main"/>'s optimizer stepped: replaces its floating-point buffers (BatchNorm's running
    /// statistics, each updated on one shard) by their mean over the replicas, then <see cref="Broadcast"/>s.
    /// </summary>
    public void Synchronise()
    {
        if (replicas.Length == 1) return;
        using var scope = NewDisposeScope();
        using (no_grad())
            for (int i = 0; i < buffers[0].Length; i++)
            {
                if (!buffers[0][i].is_floating_point()) continue;
                for (int r = 1; r < replicas.Length; r++) buffers[0][i].add_(buffers[r][i]);
                buffers[0][i].div_(replicas.Length);
            }
        Broadcast();
    }

    /// <summary>Copies <see cref="Main"/>'s weights and buffers to the other replicas (after it was loaded, say).</summary>
    public void Broadcast()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        for (int r = 1; r < replicas.Length; r++)
        {
            for (int i = 0; i < parameters[0].Length; i++) parameters[r][i].copy_(parameters[0][i]);
            for (int i = 0; i < buffers[0].Length; i++) buffers[r][i].copy_(buffers[0][i]);
        }
    }

    /// <summary>Stops the workers and frees the replicas; <see cref="Main"/> stays the caller's.</summary>
    public void Dispose()
    {
        workers.Dispose();
        for (int r = 1; r < replicas.Length; r++) replicas[r].Dispose();
    }

    /// <summary>Replica <paramref name="replica"/>'s rows of a batch of <paramref name="size"/>: contiguous, sizes differing by at most one.</summary>
    private (long Start, long Size) Shard(long size, int replica)
    {
        long start = size * replica / replicas.Length, end = size * (replica + 1) / replicas.Length;
        return (start, end - start);
    }

    /// <summary>The sum of every gradient element: NaN or infinite when any element is, at one reduction a parameter.</summary>
    private static double GradientTotal(Parameter[] replicaParameters)
    {
        var sums = replicaParameters.Where(parameter => parameter.grad is not null).Select(parameter => parameter.grad!.sum()).ToArray();
        return sums.Length == 0 ? 0 : stack(sums).sum().item<float>();
    }

    private static Tensor Gradient(Parameter parameter) => parameter.grad
        ?? throw new InvalidOperationException($"A parameter of shape [{string.Join(", ", parameter.shape)}] got no gradient from the main replica's shard: every parameter must take part in the forward pass.");
}
