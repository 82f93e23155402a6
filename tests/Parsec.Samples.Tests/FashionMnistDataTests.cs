using System;
using System.IO;
using Parsec.Samples.FashionMnist;
using Xunit;

namespace Parsec.Samples.Tests;

public sealed class FashionMnistDataTests
{
    [Fact]
    public void Loads_images_and_labels_and_normalises_them()
    {
        string folder = IdxFiles.FashionMnistFolder(count: 12);
        var split = FashionMnistData.LoadTraining(folder);
        Assert.Equal(12, split.Count);
        Assert.Equal(split.Images[784 * 3] % 10, split.Labels[3]);

        var (images, labels) = split.ToTensors(start: 3, count: 2);
        Assert.Equal(new long[] { 2, 1, 28, 28 }, images.shape);
        Assert.Equal(split.Labels[3], labels[0].item<long>());
        double expected = (split.Images[784 * 3 + 5] / 255.0 - FashionMnistSplit.Mean) / FashionMnistSplit.Std;
        Assert.Equal(expected, images[0, 0, 0, 5].item<float>(), 5);
    }

    [Fact]
    public void Reads_only_the_first_items_when_asked()
    {
        string folder = IdxFiles.FashionMnistFolder(count: 20);
        Assert.Equal(7, FashionMnistData.LoadTraining(folder, maxItems: 7).Count);
    }

    [Theory]
    [InlineData(0.1, 27)]
    [InlineData(1.0 / 30, 9)]
    [InlineData(0.0, 1)]
    public void The_retraining_holds_out_the_budgets_last_fraction_of_its_images(double fraction, int held)
    {
        var split = FashionMnistData.LoadTraining(IdxFiles.FashionMnistFolder(count: 300));
        var budget = Budget.Smoke with { RetrainImages = 270, ValidationFraction = fraction };

        var (training, validation) = Pipeline.RetrainSplits(split, budget);

        Assert.Equal(270 - held, training.Count);
        Assert.Equal(held, validation.Count);
        Assert.Equal(split.Labels[270 - held], validation.Labels[0].item<long>());
        Assert.Equal(split.Labels[269], validation.Labels[held - 1].item<long>());
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    public void A_validation_fraction_outside_zero_to_one_is_a_clear_error(double fraction)
    {
        var split = FashionMnistData.LoadTraining(IdxFiles.FashionMnistFolder(count: 20));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Pipeline.RetrainSplits(split, Budget.Smoke with { ValidationFraction = fraction }));
        Assert.Contains("ValidationFraction in [0, 1)", error.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        string folder = IdxFiles.FashionMnistFolder(count: 4);
        File.Delete(Path.Combine(folder, "t10k-labels-idx1-ubyte.gz"));
        var error = Assert.Throws<FileNotFoundException>(() => FashionMnistData.LoadTest(folder));
        Assert.Contains("t10k-labels-idx1-ubyte.gz", error.Message);
    }

    [Fact]
    public void A_truncated_file_is_named()
    {
        string folder = IdxFiles.FashionMnistFolder(count: 4);
        string path = Path.Combine(folder, "train-images-idx3-ubyte.gz");
        IdxFiles.WriteGzip(path, IdxFiles.Idx(3, new[] { 4, 28, 28 }, new byte[784 * 3]));
        var error = Assert.Throws<InvalidDataException>(() => FashionMnistData.LoadTraining(folder));
        Assert.Contains(path, error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_gzip_is_named()
    {
        string folder = IdxFiles.FashionMnistFolder(count: 4);
        string path = Path.Combine(folder, "train-labels-idx1-ubyte.gz");
        File.WriteAllText(path, "this is not a gzip stream at all");
        var error = Assert.Throws<InvalidDataException>(() => FashionMnistData.LoadTraining(folder));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_gzip_cut_short_is_named()
    {
        string folder = IdxFiles.FashionMnistFolder(count: 50);
        string path = Path.Combine(folder, "train-images-idx3-ubyte.gz");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length / 2).ToArray());
        var error = Assert.Throws<InvalidDataException>(() => FashionMnistData.LoadTraining(folder));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Wrong_magic_mismatched_counts_and_bad_labels_are_errors()
    {
        string folder = IdxFiles.FashionMnistFolder(count: 4);
        string labels = Path.Combine(folder, "train-labels-idx1-ubyte.gz");

        IdxFiles.WriteGzip(labels, IdxFiles.Idx(3, new[] { 4, 1, 1 }, new byte[4]));
        Assert.Contains("1 dimension", Assert.Throws<InvalidDataException>(() => FashionMnistData.LoadTraining(folder)).Message);

        IdxFiles.WriteGzip(labels, IdxFiles.Idx(1, new[] { 3 }, new byte[3]));
        Assert.Contains("3 labels", Assert.Throws<InvalidDataException>(() => FashionMnistData.LoadTraining(folder)).Message);

        IdxFiles.WriteGzip(labels, IdxFiles.Idx(1, new[] { 4 }, new byte[] { 1, 2, 12, 3 }));
        Assert.Contains("label 12 at index 2", Assert.Throws<InvalidDataException>(() => FashionMnistData.LoadTraining(folder)).Message);
    }
}
