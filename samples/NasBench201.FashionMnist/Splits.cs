using System;
using Parsec.Data;
using Parsec.Samples.FashionMnist;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>
/// The sample's images. Training cells from scratch and searches use the first images of Fashion-MNIST's training
/// split; the held-out images at its end, which neither sees, rank cells on the shared weights; the test split
/// measures a trained cell.
/// </summary>
/// <param name="Training">The first training images (as many as the larger of the recipe's and the search's).</param>
/// <param name="HeldOut">The last <see cref="HeldOutImages"/> training images (a quarter of a smaller split).</param>
/// <param name="Test">The test images.</param>
public sealed record Splits(LabeledDataset Training, LabeledDataset HeldOut, LabeledDataset Test)
{
    /// <summary>Held-out images used to rank cells.</summary>
    public const int HeldOutImages = 1_000;

    /// <summary>Loads the splits from the four files in <paramref name="folder"/>.</summary>
    /// <exception cref="System.IO.FileNotFoundException">A file is missing.</exception>
    /// <exception cref="System.IO.InvalidDataException">A file is damaged.</exception>
    /// <exception cref="ArgumentException">More training images are asked for than lie before the held-out ones.</exception>
    public static Splits Load(string folder, int trainingImages)
    {
        var training = FashionMnistData.LoadTraining(folder);
        int held = Math.Min(HeldOutImages, training.Count / 4), start = training.Count - held;
        if (trainingImages > start)
            throw new ArgumentException($"{folder} holds {training.Count:N0} training images, of which the last {held:N0} are held out: ask for at most {start:N0} training images, not {trainingImages:N0}.");
        var (trainingInputs, trainingLabels) = training.ToTensors(0, trainingImages);
        var (heldInputs, heldLabels) = training.ToTensors(start, held);
        var (testInputs, testLabels) = FashionMnistData.LoadTest(folder).ToTensors();
        return new Splits(new LabeledDataset(trainingInputs, trainingLabels), new LabeledDataset(heldInputs, heldLabels),
            new LabeledDataset(testInputs, testLabels));
    }
}
