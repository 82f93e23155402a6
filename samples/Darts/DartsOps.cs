using System;
using Parsec;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Samples.Darts;

/// <summary>
/// The seven DARTS operations (Liu et al. 2019, <c>operations.py</c>) as Parsec candidates, with the layers they
/// are made of nested here so that an exported model carries them along. Every BatchNorm is non-affine, the DARTS
/// search setting.
/// </summary>
[CandidateSet]
public static class DartsOps
{
    [Candidate] public static nn.Module<Tensor, Tensor> SepConv3x3(int channels, int stride) => new SepConv(channels, 3, stride);
    [Candidate] public static nn.Module<Tensor, Tensor> SepConv5x5(int channels, int stride) => new SepConv(channels, 5, stride);
    [Candidate] public static nn.Module<Tensor, Tensor> DilConv3x3(int channels, int stride) => new DilConv(channels, 3, stride);
    [Candidate] public static nn.Module<Tensor, Tensor> DilConv5x5(int channels, int stride) => new DilConv(channels, 5, stride);
    [Candidate] public static nn.Module<Tensor, Tensor> MaxPool3x3(int channels, int stride) => nn.MaxPool2d(3, stride, 1);
    [Candidate] public static nn.Module<Tensor, Tensor> AvgPool3x3(int channels, int stride) =>
        nn.AvgPool2d(new long[] { 3, 3 }, new long[] { stride, stride }, new long[] { 1, 1 }, count_include_pad: false);
    [Candidate] public static nn.Module<Tensor, Tensor> SkipConnect(int channels, int stride) =>
        stride == 1 ? nn.Identity() : new FactorizedReduce(channels, channels);

    /// <summary>Depthwise-separable convolution applied twice: ReLU, dw conv, 1x1 conv, BN, then again at stride 1.</summary>
    public sealed class SepConv : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> layers;

        public SepConv(int channels, int kernel, int stride) : base(nameof(SepConv))
        {
            layers = nn.Sequential(
                nn.ReLU(),
                nn.Conv2d(channels, channels, kernel, stride: stride, padding: kernel / 2, groups: channels, bias: false),
                nn.Conv2d(channels, channels, 1, bias: false),
                nn.BatchNorm2d(channels, affine: false),
                nn.ReLU(),
                nn.Conv2d(channels, channels, kernel, stride: 1, padding: kernel / 2, groups: channels, bias: false),
                nn.Conv2d(channels, channels, 1, bias: false),
                nn.BatchNorm2d(channels, affine: false));
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => layers.call(input);
    }

    /// <summary>Dilated depthwise-separable convolution: ReLU, dw conv with dilation 2, 1x1 conv, BN.</summary>
    public sealed class DilConv : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> layers;

        public DilConv(int channels, int kernel, int stride) : base(nameof(DilConv))
        {
            layers = nn.Sequential(
                nn.ReLU(),
                nn.Conv2d(channels, channels, kernel, stride: stride, padding: kernel - 1, dilation: 2, groups: channels, bias: false),
                nn.Conv2d(channels, channels, 1, bias: false),
                nn.BatchNorm2d(channels, affine: false));
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => layers.call(input);
    }

    /// <summary>Halves the resolution without losing pixels: two stride-2 1x1 convolutions, one shifted by a pixel, concatenated.</summary>
    public sealed class FactorizedReduce : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> relu;
        private readonly nn.Module<Tensor, Tensor> even;
        private readonly nn.Module<Tensor, Tensor> odd;
        private readonly nn.Module<Tensor, Tensor> norm;

        public FactorizedReduce(int inChannels, int outChannels) : base(nameof(FactorizedReduce))
        {
            relu = nn.ReLU();
            even = nn.Conv2d(inChannels, outChannels / 2, 1, stride: 2, bias: false);
            odd = nn.Conv2d(inChannels, outChannels - outChannels / 2, 1, stride: 2, bias: false);
            norm = nn.BatchNorm2d(outChannels, affine: false);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            using var activated = relu.call(input);
            using var shifted = activated[.., .., 1.., 1..];
            using var left = even.call(activated);
            using var right = odd.call(shifted);
            using var joined = cat(new[] { left, right }, 1);
            return norm.call(joined);
        }
    }

    /// <summary>A DARTS node: the sum of its two chosen inputs, each through the operation chosen for its slot.</summary>
    public static Tensor Node(Tensor[] inputs, Func<int, Tensor, Tensor> operation) =>
        operation(0, inputs[0]) + operation(1, inputs[1]);

    /// <summary>How a cell brings s0 to its channel count, halving its resolution when the previous cell reduced it.</summary>
    public static nn.Module<Tensor, Tensor> PreprocessEarlierInput(int inChannels, int outChannels, bool previousWasReduction) =>
        previousWasReduction ? new FactorizedReduce(inChannels, outChannels) : ReluConvBn(inChannels, outChannels);

    /// <summary>ReLU, convolution, BN: how a cell brings its inputs to its own channel count.</summary>
    public static nn.Module<Tensor, Tensor> ReluConvBn(int inChannels, int outChannels) =>
        nn.Sequential(nn.ReLU(), nn.Conv2d(inChannels, outChannels, 1, bias: false), nn.BatchNorm2d(outChannels, affine: false));

    /// <summary>Concatenated node outputs back to the cell's channel count: 1x1 convolution, BN.</summary>
    public static nn.Module<Tensor, Tensor> Projection(int inChannels, int outChannels) =>
        nn.Sequential(nn.Conv2d(inChannels, outChannels, 1, bias: false), nn.BatchNorm2d(outChannels, affine: false));
}
