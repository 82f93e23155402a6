using System;
using Operation = Parsec.Samples.NasBench201.NasBench201CellArchitecture.NasBench201OpsCandidate;

namespace Parsec.Samples.NasBench201;

/// <summary>
/// The exact parameter count of a <see cref="NasBench201Network"/> whose cells all run one architecture, counting the
/// chosen operations only (the exported model's parameters; the supernet also holds every other candidate's).
/// With B(C) = 9C² + 2C for a 3x3 ReLU-Conv-BN edge, C² + 2C for a 1x1 one and 0 for none, skip and pooling
/// (BatchNorm learns a scale and a shift per channel), the count is
/// <c>N (cell(C) + cell(2C) + cell(4C))</c> plus the skeleton: the stem <c>9 I C + 2C</c>, the residual blocks
/// <c>R(C, 2C) + R(2C, 4C)</c> with <c>R(a, b) = 9ab + 2b + 9b² + 2b + ab</c>, the last BatchNorm <c>8C</c> and the
/// classifier <c>4C K + K</c> (I input channels, K classes).
/// </summary>
public static class NasBench201Parameters
{
    /// <summary>The parameters of a <see cref="NasBench201Network"/> built with the same arguments, running <paramref name="architecture"/>.</summary>
    public static long Count(
        NasBench201CellArchitecture architecture, int cellsPerStage = 5, int channels = 16, int classes = 10, int inputChannels = 3)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        long cells = Cell(architecture, channels) + Cell(architecture, 2 * channels) + Cell(architecture, 4 * channels);
        return cellsPerStage * cells + Skeleton(channels, classes, inputChannels);
    }

    /// <summary>The parameters outside the cells, the same for every architecture.</summary>
    public static long Skeleton(int channels = 16, int classes = 10, int inputChannels = 3)
    {
        long c = channels;
        long stem = 9 * inputChannels * c + 2 * c;
        long lastNorm = 2 * 4 * c;
        long classifier = 4 * c * classes + classes;
        return stem + ResidualBlock(c, 2 * c) + ResidualBlock(2 * c, 4 * c) + lastNorm + classifier;
    }

    /// <summary>The parameters of one cell at <paramref name="channels"/> channels running <paramref name="architecture"/>.</summary>
    public static long Cell(NasBench201CellArchitecture architecture, int channels)
    {
        long c = channels, total = 0;
        foreach (var edge in NasBench201Architecture.Edges(architecture))
            total += edge switch
            {
                Operation.NorConv1x1 => c * c + 2 * c,
                Operation.NorConv3x3 => 9 * c * c + 2 * c,
                _ => 0,
            };
        return total;
    }

    // Two 3x3 ReLU-Conv-BN (a -> b at stride 2, b -> b) and the shortcut's 1x1 convolution a -> b without bias.
    private static long ResidualBlock(long inChannels, long outChannels) =>
        9 * inChannels * outChannels + 2 * outChannels + 9 * outChannels * outChannels + 2 * outChannels + inChannels * outChannels;
}
