using static TorchSharp.torch;

namespace Parsec.Samples.FashionMnist;

/// <summary>
/// Random horizontal flips and shifts of up to <see cref="MaxShift"/> pixels, for retraining runs long enough to
/// overfit. Garments look the same mirrored, and a shift is the cheapest way to show the network new images. The
/// shift is drawn per group of <see cref="GroupSize"/> images, not per image: one crop a group keeps it to a handful of
/// tensor operations a batch.
/// </summary>
public static class Augmentation
{
    public const int MaxShift = 2;
    private const int GroupSize = 8;

    /// <summary>A flipped and shifted copy of the normalised batch <c>[n, 1, 28, 28]</c>; uses torch's seeded generator.</summary>
    public static Tensor ShiftAndFlip(Tensor images)
    {
        long count = images.shape[0], height = images.shape[2], width = images.shape[3];
        var flip = rand(count, 1, 1, 1, device: images.device).lt(0.5);
        var flipped = where(flip, images.flip(3), images);
        var padded = nn.functional.pad(flipped, new long[] { MaxShift, MaxShift, MaxShift, MaxShift }, value: FashionMnistSplit.NormalisedBlack);
        var offsets = randint(0, 2 * MaxShift + 1, new long[] { (count + GroupSize - 1) / GroupSize, 2 }).data<long>().ToArray();
        var groups = new Tensor[offsets.Length / 2];
        for (int g = 0; g < groups.Length; g++)
        {
            long start = g * GroupSize, size = System.Math.Min(GroupSize, count - start);
            groups[g] = padded.narrow(0, start, size).narrow(2, offsets[2 * g], height).narrow(3, offsets[2 * g + 1], width);
        }
        return cat(groups, 0);
    }
}
