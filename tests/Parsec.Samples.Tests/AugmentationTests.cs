using System.Collections.Generic;
using System.Linq;
using Parsec.Samples.FashionMnist;
using Xunit;
using static TorchSharp.torch;

namespace Parsec.Samples.Tests;

// Seeds and draws from torch's global generator: never beside another class that does.
[Collection("torch global generator")]
public sealed class AugmentationTests
{
    private const int Count = 64, Size = 28, Shift = Augmentation.MaxShift;

    [Fact]
    public void Every_image_is_its_input_shifted_by_at_most_two_pixels_and_maybe_mirrored()
    {
        manual_seed(3);
        double background = FashionMnistSplit.NormalisedBlack;
        // Garments inside a background frame as wide as the largest shift, so no shift pushes one out of the image.
        var images = full(Count, 1, Size, Size, background);
        images.narrow(2, Shift, Size - 2 * Shift).narrow(3, Shift, Size - 2 * Shift).copy_(randn(Count, 1, Size - 2 * Shift, Size - 2 * Shift));

        var augmented = Augmentation.ShiftAndFlip(images);

        Assert.Equal(images.shape, augmented.shape);
        var seen = new HashSet<(bool Flipped, int Dy, int Dx)>();
        for (int i = 0; i < Count; i++)
        {
            var match = Transforms(images[i], background).FirstOrDefault(t => t.Image.eq(augmented[i]).all().item<bool>());
            Assert.True(match.Image is not null, $"image {i} is no flip and shift of its input");
            seen.Add((match.Flipped, match.Dy, match.Dx));
        }
        Assert.Contains(seen, t => t.Flipped);
        Assert.Contains(seen, t => !t.Flipped);
        Assert.True(seen.Select(t => (t.Dy, t.Dx)).Distinct().Count() > 3, "the shifts vary across the batch");
    }

    /// <summary>Every mirror and shift of one <c>[1, 28, 28]</c> image, the background filling what moves in.</summary>
    private static IEnumerable<(Tensor Image, bool Flipped, int Dy, int Dx)> Transforms(Tensor image, double background)
    {
        foreach (bool flipped in new[] { false, true })
        {
            var source = flipped ? image.flip(2) : image;
            var padded = nn.functional.pad(source, new long[] { Shift, Shift, Shift, Shift }, value: background);
            for (int dy = -Shift; dy <= Shift; dy++)
                for (int dx = -Shift; dx <= Shift; dx++)
                    yield return (padded.narrow(1, Shift + dy, Size).narrow(2, Shift + dx, Size), flipped, dy, dx);
        }
    }
}
