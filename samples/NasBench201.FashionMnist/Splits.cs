using System;
using Parsec.Data;
using Parsec.Samples.FashionMnist;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>
/// The sample's images. Training cells from scratch and searches use the first images of Fashion-MNIST's training
/// split; the held-out images, which neither sees, rank cells on the shared weights; the test split measures a
/// trained cell.
/// </summary>
/// <param name="Training">The first training images (as many as the larger of the recipe's and the search's).</param>
/// <param name="HeldOut">Training images <see cref="HeldOutStart"/> onwards.</param>
/// <param name="Test">The 10,000 test images.</param>
public sealed record Splits(LabeledDataset Training, LabeledDataset HeldOut, LabeledDataset Test)
{
    /// <summary>The first held-out image: far past any recipe's or search's training images.</summary>
    public const int HeldOutStart = 50_000;

    /// <summary>Held-out images used to rank cells.</summary>
    public const int HeldOutImages = 2_000;

    /// <summary>Loads the splits from the four files in <paramref name="folder"/>.</summary>
    /// <exception cref="System.IO.FileNotFoundException">A file is missing.</exception>
    /// <exception cref="System.IO.InvalidDataException">A file is damaged.</exception>
    /// <exception cref="ArgumentOutOfRangeException">More training images are asked for than lie before the held-out ones.</exception>
    public static Splits Load(string folder, int trainingImages)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(trainingImages, HeldOutStart);
        var training = FashionMnistData.LoadTraining(folder, HeldOutStart + HeldOutImages);
        var (trainingInputs, trainingLabels) = training.ToTensors(0, trainingImages);
        var (heldInputs, heldLabels) = training.ToTensors(HeldOutStart, HeldOutImages);
        var (testInputs, testLabels) = FashionMnistData.LoadTest(folder).ToTensors();
        return new Splits(new LabeledDataset(trainingInputs, trainingLabels), new LabeledDataset(heldInputs, heldLabels),
            new LabeledDataset(testInputs, testLabels));
    }
}
