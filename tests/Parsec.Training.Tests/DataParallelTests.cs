using System.Linq;
using Parsec.Data;
using Parsec.Training;
using Xunit;
using static TorchSharp.torch;

namespace Parsec.Training.Tests;

/// <summary>Training on several cores at once computes what one model on the whole batch would, and the same on any core count.</summary>
[Collection(nameof(TorchGlobalState))]
public sealed class DataParallelTests
{
    private const int BatchSize = 24;

    [Fact]
    public void The_replicas_leave_the_whole_batchs_loss_and_gradient_in_the_main_model_step_after_step()
    {
        var batch = Batch();
        var evaluation = new ClassificationEvaluation();
        using var single = Model(batchNorm: false);
        using var singleOptimizer = optim.SGD(single.parameters(), 0.5);
        using var main = Model(batchNorm: false);
        using var replicas = new DataParallel(main, () => Model(batchNorm: false, seed: 42), replicaCount: 3, threads: 2, CPU);
        using var optimizer = optim.SGD(main.parameters(), 0.5);

        // The second step checks that every replica took the main model's new weights.
        for (int step = 0; step < 2; step++)
        {
            singleOptimizer.zero_grad();
            var whole = evaluation.Evaluate(single, batch);
            whole.SummedLoss.div(BatchSize).backward();
            var (summedLoss, correct) = replicas.Backward(batch, evaluation);

            Assert.Equal(whole.SummedLoss.item<float>(), summedLoss, 3);
            Assert.Equal(whole.Correct, correct);
            foreach (var (want, got) in single.parameters().Zip(main.parameters()))
                Assert.True(want.grad!.allclose(got.grad!, rtol: 1e-4, atol: 1e-6), $"step {step}: the summed shards' gradient differs from the whole batch's");
            singleOptimizer.step();
            optimizer.step();
            replicas.Synchronise();
        }
    }

    [Fact]
    public void Synchronising_gives_the_main_model_the_mean_of_the_replicas_running_statistics()
    {
        var batch = Batch();
        // What each replica computes alone: one model per shard, from the same weights.
        using var first = Model(batchNorm: true);
        using var second = Model(batchNorm: true);
        var evaluation = new ClassificationEvaluation();
        evaluation.Evaluate(first, Shard(batch, 0, BatchSize / 2));
        evaluation.Evaluate(second, Shard(batch, BatchSize / 2, BatchSize / 2));
        var expectedMean = first.buffers().First().add(second.buffers().First()).div(2);

        using var main = Model(batchNorm: true);
        using var replicas = new DataParallel(main, () => Model(batchNorm: true, seed: 42), replicaCount: 2, threads: 2, CPU);
        replicas.Train();
        replicas.Backward(batch, evaluation);
        Assert.False(main.buffers().First().allclose(expectedMean), "before synchronising, the main model holds only its own shard's statistics");
        replicas.Synchronise();

        Assert.True(main.buffers().First().allclose(expectedMean, rtol: 1e-5, atol: 1e-7));
    }

    [Fact]
    public void Training_gives_the_same_weights_on_one_core_as_on_two()
    {
        var batch = Batch();
        var oneCore = TrainedWeights(threads: 1, batch);
        var twoCores = TrainedWeights(threads: 2, batch);

        Assert.Equal(oneCore.Length, twoCores.Length);
        for (int i = 0; i < oneCore.Length; i++)
            Assert.True(oneCore[i].eq(twoCores[i]).all().item<bool>(), $"parameter {i} differs between one core and two");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_NaN_loss_throws_and_says_what_to_change(int threads)
    {
        var batch = Batch();
        using var main = Model(batchNorm: false);
        using (no_grad()) main.parameters().Last().fill_(double.NaN); // the classifier's bias: every logit is NaN
        using var replicas = new DataParallel(main, () => Model(batchNorm: false, seed: 42), replicaCount: 2, threads, CPU);

        var error = Assert.Throws<TrainingDivergedException>(() => replicas.Backward(batch, new ClassificationEvaluation()));

        Assert.Equal(0, error.Replica);
        Assert.Contains("loss of replica 0's shard is NaN", error.Message);
        Assert.Contains("multiple of 16", error.Message);
        Assert.Contains("lower the learning rate", error.Message);
    }

    [Fact]
    public void A_NaN_gradient_under_a_finite_loss_throws_too()
    {
        var batch = Batch();
        using var main = new SqrtOfZeroOffset(Model(batchNorm: false));
        using var replicas = new DataParallel(main, () => new SqrtOfZeroOffset(Model(batchNorm: false, seed: 42)), replicaCount: 2, threads: 2, CPU);

        var error = Assert.Throws<TrainingDivergedException>(() => replicas.Backward(batch, new ClassificationEvaluation()));

        Assert.Equal(0, error.Replica);
        Assert.Contains("gradient of replica 0's shard is", error.Message);
    }

    /// <summary>Adds sqrt(offset) with offset = 0 to the logits: the loss stays finite, the offset's gradient is infinite.</summary>
    private sealed class SqrtOfZeroOffset : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> inner;
        private readonly TorchSharp.Modules.Parameter offset = new(zeros(1));

        public SqrtOfZeroOffset(nn.Module<Tensor, Tensor> inner) : base(nameof(SqrtOfZeroOffset))
        {
            this.inner = inner;
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => inner.call(input).add(offset.sqrt());
    }

    private static Tensor[] TrainedWeights(int threads, Batch batch)
    {
        var main = Model(batchNorm: true);
        using var replicas = new DataParallel(main, () => Model(batchNorm: true, seed: 42), replicaCount: 2, threads, CPU);
        using var optimizer = optim.AdamW(main.parameters(), 1e-2);
        replicas.Train();
        for (int step = 0; step < 5; step++)
        {
            replicas.Backward(batch, new ClassificationEvaluation());
            optimizer.step();
            replicas.Synchronise();
        }
        return main.parameters().Select(parameter => parameter.detach().clone()).Concat(main.buffers().Select(buffer => buffer.clone())).ToArray();
    }

    private static Batch Shard(Batch batch, long start, long size) =>
        new(batch.Inputs.narrow(0, start, size), batch.Labels.narrow(0, start, size));

    private static nn.Module<Tensor, Tensor> Model(bool batchNorm, int seed = 3)
    {
        manual_seed(seed);
        return batchNorm
            ? nn.Sequential(nn.Conv2d(1, 4, 3, stride: 2), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 13 * 13, 10))
            : nn.Sequential(nn.Conv2d(1, 4, 3, stride: 2), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 13 * 13, 10));
    }

    private static Batch Batch()
    {
        manual_seed(11);
        var labels = randint(0, 10, new long[] { BatchSize });
        return new Batch(randn(BatchSize, 1, 28, 28).add(labels.to_type(ScalarType.Float32).view(-1, 1, 1, 1).div(5)), labels);
    }
}
