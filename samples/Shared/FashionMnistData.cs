using System;
using System.IO;
using static TorchSharp.torch;

namespace Parsec.Samples.FashionMnist;

/// <summary>One split of Fashion-MNIST: 28x28 grey images and their labels (0-9).</summary>
/// <param name="Images">Row-major pixels, 784 bytes an image.</param>
/// <param name="Labels">One byte an image.</param>
public sealed record FashionMnistSplit(byte[] Images, byte[] Labels)
{
    /// <summary>Pixels per image.</summary>
    public const int ImageSize = 28 * 28;

    /// <summary>The mean and standard deviation of the training pixels, for normalisation.</summary>
    public const double Mean = 0.2860, Std = 0.3530;

    /// <summary>A black pixel, the garments' background, after normalisation.</summary>
    public const double NormalisedBlack = -Mean / Std;

    /// <summary>The number of images.</summary>
    public int Count => Labels.Length;

    /// <summary>Images <c>[start, start+count)</c> as normalised float32 <c>[count, 1, 28, 28]</c> and labels as int64.</summary>
    public (Tensor Images, Tensor Labels) ToTensors(int start = 0, int? count = null)
    {
        int n = count ?? Count - start;
        var pixels = tensor(Images.AsSpan(start * ImageSize, n * ImageSize).ToArray(), new long[] { n, 1, 28, 28 }, ScalarType.Byte);
        using var scaled = pixels.to_type(ScalarType.Float32).div_(255.0);
        var images = scaled.sub(Mean).div_(Std);
        pixels.Dispose();
        var labels = tensor(Labels.AsSpan(start, n).ToArray(), ScalarType.Byte).to_type(ScalarType.Int64);
        return (images, labels);
    }
}

/// <summary>Loads the four gzip IDX files of Fashion-MNIST from a folder (Debian's dataset-fashion-mnist layout).</summary>
public static class FashionMnistData
{
    /// <summary>Where Debian's package <c>dataset-fashion-mnist</c> installs the files.</summary>
    public const string DebianFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>Loads the training split (optionally only its first <paramref name="maxItems"/> images).</summary>
    public static FashionMnistSplit LoadTraining(string folder, int? maxItems = null) =>
        Load(folder, "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", maxItems);

    /// <summary>Loads the 10,000 test images.</summary>
    public static FashionMnistSplit LoadTest(string folder) =>
        Load(folder, "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", null);

    private static FashionMnistSplit Load(string folder, string imagesName, string labelsName, int? maxItems)
    {
        string imagesPath = Path.Combine(folder, imagesName), labelsPath = Path.Combine(folder, labelsName);
        var (imageDims, images) = IdxReader.ReadBytes(imagesPath, 3, maxItems);
        var (labelDims, labels) = IdxReader.ReadBytes(labelsPath, 1, maxItems);
        if (imageDims[1] != 28 || imageDims[2] != 28)
            throw new InvalidDataException($"'{imagesPath}' holds {imageDims[1]}x{imageDims[2]} images; Fashion-MNIST images are 28x28.");
        if (imageDims[0] != labelDims[0])
            throw new InvalidDataException($"'{imagesPath}' has {imageDims[0]} images but '{labelsPath}' has {labelDims[0]} labels.");
        if (imageDims[0] == 0)
            throw new InvalidDataException($"'{imagesPath}' holds no images.");
        int bad = Array.FindIndex(labels, label => label > 9);
        if (bad >= 0)
            throw new InvalidDataException($"'{labelsPath}' has label {labels[bad]} at index {bad}; labels must be 0-9.");
        return new FashionMnistSplit(images, labels);
    }
}
