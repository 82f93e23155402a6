using System;
using System.Collections.Generic;
using Parsec;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Samples.NasBench201;

/// <summary>
/// The NAS-Bench-201 network: a stem (3x3 convolution to C channels without bias, BatchNorm), three stages of N cells
/// at C, 2C and 4C channels with a residual block that halves the resolution between stages
/// (<see cref="NasBench201Ops.ResidualBlock"/>), BatchNorm and ReLU, global average pooling and a linear classifier.
/// Every cell shares one architecture. The benchmark's figures are for N = 5, C = 16 on 3-channel 32x32 images.
/// </summary>
[SearchModel]
public sealed partial class NasBench201Network : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> stem;
    private readonly TorchSharp.Modules.ModuleList<nn.Module<Tensor, Tensor>> stages;
    private readonly nn.Module<Tensor, Tensor> lastActivation;
    private readonly nn.Module<Tensor, Tensor> pool;
    private readonly nn.Module<Tensor, Tensor> classifier;

    /// <param name="cellsPerStage">N, the cells of each of the three stages; at least 1.</param>
    /// <param name="channels">C, the channels of the stem and the first stage; at least 1.</param>
    /// <param name="classes">The number of classes.</param>
    /// <param name="inputChannels">The image's channels: 3 for CIFAR, 1 for Fashion-MNIST.</param>
    public NasBench201Network(int cellsPerStage = 5, int channels = 16, int classes = 10, int inputChannels = 3)
        : base(nameof(NasBench201Network))
    {
        if (cellsPerStage < 1) throw new ArgumentOutOfRangeException(nameof(cellsPerStage), cellsPerStage, "A stage needs at least one cell.");
        if (channels < 1) throw new ArgumentOutOfRangeException(nameof(channels), channels, "The network needs at least one channel.");
        stem = nn.Sequential(nn.Conv2d(inputChannels, channels, 3, padding: 1, bias: false), nn.BatchNorm2d(channels));
        var built = new List<nn.Module<Tensor, Tensor>>();
        for (int stage = 0; stage < 3; stage++)
        {
            int width = channels << stage;
            if (stage > 0) built.Add(new NasBench201Ops.ResidualBlock(width / 2, width));
            for (int cell = 0; cell < cellsPerStage; cell++) built.Add(new NasBench201Cell(width));
        }
        stages = nn.ModuleList(built.ToArray());
        lastActivation = nn.Sequential(nn.BatchNorm2d(4 * channels), nn.ReLU());
        pool = nn.AdaptiveAvgPool2d(1);
        classifier = nn.Linear(4 * channels, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var features = stem.call(input);
        foreach (var stage in stages) features = stage.call(features);
        return classifier.call(pool.call(lastActivation.call(features)).flatten(1));
    }
}
