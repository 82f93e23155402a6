using System;
using System.IO;
using System.Linq;
using System.Threading;
using Parsec.Samples.FashionMnist;
using Parsec.Search;
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
        var expected = Train(uninterrupted, training, validation, new RetrainCheckpoint(Path.Combine(folder, "a.checkpoint"), "run", Resume: false));

        // Stop in the second epoch, so the resumed run must restore the batch order, the epoch's sums, the
        // optimizer's moments, the schedule and the augmentation's generator, not just the weights.
        var checkpoint = new RetrainCheckpoint(Path.Combine(folder, "b.checkpoint"), "run", Resume: false);
        using var stop = new CancellationTokenSource();
        using (var stopped = Model())
            Assert.ThrowsAny<OperationCanceledException>(() => Retrainer.Train(stopped, training, validation, Epochs, BatchSize, augment: true,
                seed: 5, CPU, checkpoint, fraction => { if (fraction >= (StepsPerEpoch + 3.0) / (Epochs * StepsPerEpoch)) stop.Cancel(); }, stop.Token));

        using var resumedModel = Model(seed: 99);
        double firstFraction = -1;
        var resumed = Retrainer.Train(resumedModel, training, validation, Epochs, BatchSize, augment: true, seed: 5, CPU,
            checkpoint with { Resume = true }, fraction => { if (firstFraction < 0) firstFraction = fraction; }, CancellationToken.None);

        Assert.True(resumed.Resumed);
        Assert.False(expected.Resumed);
        Assert.Equal((StepsPerEpoch + 3.0) / (Epochs * StepsPerEpoch), firstFraction, 6);
        Assert.Equal(Curves(expected), Curves(resumed));
        foreach (var (want, got) in uninterrupted.parameters().Zip(resumedModel.parameters()))
            Assert.True(want.eq(got).all().item<bool>(), "a resumed retraining ended with other weights than an uninterrupted one");
    }

    [Fact]
    public void A_finished_retraining_resumes_without_training_again()
    {
        var (training, validation) = Data();
        var checkpoint = new RetrainCheckpoint(Path.Combine(Directory.CreateTempSubdirectory("parsec-retrain-").FullName, "c.checkpoint"), "run", Resume: false);
        using var trained = Model();
        var finished = Train(trained, training, validation, checkpoint);

        using var again = Model(seed: 99);
        int steps = 0;
        var resumed = Retrainer.Train(again, training, validation, Epochs, BatchSize, augment: false, seed: 5, CPU,
            checkpoint with { Resume = true }, _ => steps++, CancellationToken.None);

        Assert.Equal(1, steps); // the one report of where the restored run stands, no training step
        Assert.Equal(Curves(finished), Curves(resumed));
        // The checkpoint is written after the last epoch's record, so it carries at least that epoch's time.
        Assert.InRange(resumed.EarlierSeconds, finished.Epochs[^1].Seconds, finished.Epochs[^1].Seconds + 60);
        foreach (var (want, got) in trained.parameters().Zip(again.parameters()))
            Assert.True(want.eq(got).all().item<bool>());
    }

    [Fact]
    public void A_checkpoint_of_another_run_is_refused_with_what_to_do()
    {
        var (training, validation) = Data();
        string path = Path.Combine(Directory.CreateTempSubdirectory("parsec-retrain-").FullName, "d.checkpoint");
        using (var model = Model()) Train(model, training, validation, new RetrainCheckpoint(path, "winner A, seed 1", Resume: false));

        using var other = Model();
        var error = Assert.Throws<InvalidDataException>(() => Train(other, training, validation, new RetrainCheckpoint(path, "winner B, seed 2", Resume: true)));

        Assert.Contains(path, error.Message);
        Assert.Contains("(winner A, seed 1)", error.Message);
        Assert.Contains("without --resume", error.Message);
    }

    [Fact]
    public void A_truncated_checkpoint_is_refused_and_left_in_place()
    {
        var (training, validation) = Data();
        string path = Path.Combine(Directory.CreateTempSubdirectory("parsec-retrain-").FullName, "e.checkpoint");
        using (var model = Model()) Train(model, training, validation, new RetrainCheckpoint(path, "run", Resume: false));
        byte[] whole = File.ReadAllBytes(path);
        File.WriteAllBytes(path, whole[..(whole.Length / 2)]);

        using var other = Model();
        var error = Assert.Throws<InvalidDataException>(() => Train(other, training, validation, new RetrainCheckpoint(path, "run", Resume: true)));

        Assert.Contains("truncated", error.Message);
        Assert.Equal(whole.Length / 2, new FileInfo(path).Length);
    }

    private static RetrainOutcome Train(nn.Module<Tensor, Tensor> model, LabeledDataset training, LabeledDataset validation, RetrainCheckpoint checkpoint) =>
        Retrainer.Train(model, training, validation, Epochs, BatchSize, augment: true, seed: 5, CPU, checkpoint, onStep: null, CancellationToken.None);

    /// <summary>Everything an epoch record holds but its wall time.</summary>
    private static (int, double, double, double, double)[] Curves(RetrainOutcome outcome) =>
        outcome.Epochs.Select(e => (e.Epoch, e.TrainingLoss, e.TrainingAccuracy, e.ValidationLoss, e.ValidationAccuracy)).ToArray();

    private static nn.Module<Tensor, Tensor> Model(int seed = 3)
    {
        manual_seed(seed);
        return nn.Sequential(nn.Conv2d(1, 4, 3, stride: 2), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 13 * 13, 10));
    }

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
