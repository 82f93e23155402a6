using System;
using System.IO;
using System.Linq;
using System.Threading;
using Parsec.Data;
using Parsec.Samples.FashionMnist;
using Parsec.Training;
using Xunit;
using static TorchSharp.torch;

namespace Parsec.Samples.Tests;

/// <summary>The retraining's checkpoints: a stopped retraining resumes exactly, and a checkpoint of another run is refused.</summary>
// Seeds and draws from torch's global generator: never beside another class that does.
[Collection("torch global generator")]
public sealed class RetrainerTests
{
    private const int Images = 224, BatchSize = 32, Epochs = 2, StepsPerEpoch = Images / BatchSize;

    [Fact]
    public void A_retraining_stopped_mid_epoch_resumes_to_the_weights_and_curves_of_one_never_stopped()
    {
        var (training, validation) = Data();
        string folder = Directory.CreateTempSubdirectory("parsec-retrain-").FullName;

        using var uninterrupted = Model();
        using var uninterruptedReplicas = Replicated(uninterrupted);
        var expected = Train(uninterruptedReplicas, training, validation, new RetrainCheckpoint(Path.Combine(folder, "a.checkpoint"), "run", Resume: false));

        // Stop in the second epoch, so the resumed run must restore the batch order, the epoch's sums, the
        // optimizer's moments, the schedule and the augmentation's generator, not just the weights.
        var checkpoint = new RetrainCheckpoint(Path.Combine(folder, "b.checkpoint"), "run", Resume: false);
        using var stop = new CancellationTokenSource();
        using (var stopped = Model())
        using (var stoppedReplicas = Replicated(stopped))
            Assert.ThrowsAny<OperationCanceledException>(() => Retrainer.Train(stoppedReplicas, training, validation, Epochs, BatchSize, augment: true, labelSmoothing: 0.1,
                seed: 5, CPU, checkpoint, fraction => { if (fraction >= (StepsPerEpoch + 3.0) / (Epochs * StepsPerEpoch)) stop.Cancel(); }, stop.Token));

        using var resumedModel = Model(seed: 99);
        using var resumedReplicas = Replicated(resumedModel);
        double firstFraction = -1;
        var resumed = Retrainer.Train(resumedReplicas, training, validation, Epochs, BatchSize, augment: true, labelSmoothing: 0.1, seed: 5, CPU,
            checkpoint with { Resume = true }, fraction => { if (firstFraction < 0) firstFraction = fraction; }, CancellationToken.None);

        Assert.True(resumed.Resumed);
        Assert.False(expected.Resumed);
        Assert.Equal((StepsPerEpoch + 3.0) / (Epochs * StepsPerEpoch), firstFraction, 6);
        Assert.Equal(Curves(expected), Curves(resumed));
        foreach (var (want, got) in State(uninterrupted).Zip(State(resumedModel)))
            Assert.True(want.eq(got).all().item<bool>(), "a resumed retraining ended with other weights or statistics than an uninterrupted one");
    }

    [Fact]
    public void A_finished_retraining_resumes_without_training_again()
    {
        var (training, validation) = Data();
        var checkpoint = new RetrainCheckpoint(Path.Combine(Directory.CreateTempSubdirectory("parsec-retrain-").FullName, "c.checkpoint"), "run", Resume: false);
        using var trained = Model();
        using var trainedReplicas = Replicated(trained);
        var finished = Train(trainedReplicas, training, validation, checkpoint);

        using var again = Model(seed: 99);
        using var againReplicas = Replicated(again);
        int steps = 0;
        var resumed = Retrainer.Train(againReplicas, training, validation, Epochs, BatchSize, augment: false, labelSmoothing: 0, seed: 5, CPU,
            checkpoint with { Resume = true }, _ => steps++, CancellationToken.None);

        Assert.Equal(1, steps); // the one report of where the restored run stands, no training step
        Assert.Equal(Curves(finished), Curves(resumed));
        // The checkpoint is written after the last epoch's record, so it carries at least that epoch's time.
        Assert.InRange(resumed.EarlierSeconds, finished.Epochs[^1].Seconds, finished.Epochs[^1].Seconds + 60);
        foreach (var (want, got) in State(trained).Zip(State(again)))
            Assert.True(want.eq(got).all().item<bool>());
    }

    [Fact]
    public void A_checkpoint_of_another_run_is_refused_with_what_to_do()
    {
        var (training, validation) = Data();
        string path = Path.Combine(Directory.CreateTempSubdirectory("parsec-retrain-").FullName, "d.checkpoint");
        using (var model = Model())
        using (var replicas = Replicated(model))
            Train(replicas, training, validation, new RetrainCheckpoint(path, "winner A, seed 1", Resume: false));

        using var other = Model();
        using var otherReplicas = Replicated(other);
        var error = Assert.Throws<InvalidDataException>(() => Train(otherReplicas, training, validation, new RetrainCheckpoint(path, "winner B, seed 2", Resume: true)));

        Assert.Contains(path, error.Message);
        Assert.Contains("(winner A, seed 1)", error.Message);
        Assert.Contains("without --resume", error.Message);
    }

    [Fact]
    public void A_truncated_checkpoint_is_refused_and_left_in_place()
    {
        var (training, validation) = Data();
        string path = Path.Combine(Directory.CreateTempSubdirectory("parsec-retrain-").FullName, "e.checkpoint");
        using (var model = Model())
        using (var replicas = Replicated(model))
            Train(replicas, training, validation, new RetrainCheckpoint(path, "run", Resume: false));
        byte[] whole = File.ReadAllBytes(path);
        File.WriteAllBytes(path, whole[..(whole.Length / 2)]);

        using var other = Model();
        using var otherReplicas = Replicated(other);
        var error = Assert.Throws<InvalidDataException>(() => Train(otherReplicas, training, validation, new RetrainCheckpoint(path, "run", Resume: true)));

        Assert.Contains("truncated", error.Message);
        Assert.Equal(whole.Length / 2, new FileInfo(path).Length);
    }

    private static RetrainOutcome Train(DataParallel model, LabeledDataset training, LabeledDataset validation, RetrainCheckpoint checkpoint) =>
        Retrainer.Train(model, training, validation, Epochs, BatchSize, augment: true, labelSmoothing: 0.1, seed: 5, CPU, checkpoint, onStep: null, CancellationToken.None);

    /// <summary>Everything an epoch record holds but its wall time.</summary>
    private static (int, double, double, double, double)[] Curves(RetrainOutcome outcome) =>
        outcome.Epochs.Select(e => (e.Epoch, e.TrainingLoss, e.TrainingAccuracy, e.ValidationLoss, e.ValidationAccuracy)).ToArray();

    /// <summary>
    /// A model with BatchNorm on two replicas, so a resume must also restore the running statistics, and hand them to
    /// the second replica.
    /// </summary>
    private static nn.Module<Tensor, Tensor> Model(int seed = 3)
    {
        manual_seed(seed);
        return nn.Sequential(nn.Conv2d(1, 4, 3, stride: 2), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 13 * 13, 10));
    }

    private static DataParallel Replicated(nn.Module<Tensor, Tensor> main) =>
        new(main, () => Model(seed: 42), replicaCount: 2, threads: 2, CPU);

    /// <summary>Weights, then buffers.</summary>
    private static Tensor[] State(nn.Module<Tensor, Tensor> model) => model.parameters().Cast<Tensor>().Concat(model.buffers()).ToArray();

    private static (LabeledDataset Training, LabeledDataset Validation) Data()
    {
        manual_seed(11);
        var labels = randint(0, 10, new long[] { Images + 64 });
        // Images that carry their label, so the curves move and a wrong restore shows in them.
        var images = randn(Images + 64, 1, 28, 28).add(labels.to_type(ScalarType.Float32).view(-1, 1, 1, 1).div(5));
        return (new LabeledDataset(images.narrow(0, 0, Images), labels.narrow(0, 0, Images)),
                new LabeledDataset(images.narrow(0, Images, 64), labels.narrow(0, Images, 64)));
    }
}
