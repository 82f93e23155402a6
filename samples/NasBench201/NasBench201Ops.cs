using Parsec;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Samples.NasBench201;

/// <summary>
/// The five operations of a NAS-Bench-201 edge (Dong and Yang, ICLR 2020) as Parsec candidates, in the order of the
/// benchmark's operation list, with the layers the cell and the network are made of nested here so that an exported
/// model carries them along. Every operation keeps the channel count and the resolution.
/// </summary>
[CandidateSet]
public static class NasBench201Ops
{
    /// <summary><c>none</c>: zeros shaped like the input, which cuts the edge.</summary>
    [Candidate] public static nn.Module<Tensor, Tensor> None(int channels) => new Zero();

    /// <summary><c>skip_connect</c>: the input itself.</summary>
    [Candidate] public static nn.Module<Tensor, Tensor> SkipConnect(int channels) => nn.Identity();

    /// <summary><c>nor_conv_1x1</c>: ReLU, 1x1 convolution, BatchNorm.</summary>
    [Candidate] public static nn.Module<Tensor, Tensor> NorConv1x1(int channels) => ReluConvBn(channels, channels, 1, 1);

    /// <summary><c>nor_conv_3x3</c>: ReLU, 3x3 convolution, BatchNorm.</summary>
    [Candidate] public static nn.Module<Tensor, Tensor> NorConv3x3(int channels) => ReluConvBn(channels, channels, 3, 1);

    /// <summary><c>avg_pool_3x3</c>: 3x3 average pooling that averages only the pixels inside the image at the borders.</summary>
    [Candidate] public static nn.Module<Tensor, Tensor> AvgPool3x3(int channels) =>
        nn.AvgPool2d(new long[] { 3, 3 }, new long[] { 1, 1 }, new long[] { 1, 1 }, count_include_pad: false);

    /// <summary>Zeros shaped like the input.</summary>
    public sealed class Zero : nn.Module<Tensor, Tensor>
    {
        public Zero() : base(nameof(Zero)) { }

        public override Tensor forward(Tensor input) => zeros_like(input);
    }

    /// <summary>
    /// The benchmark's ReLUConvBN: ReLU, a k x k convolution without bias (padding k/2, so stride 1 keeps the
    /// resolution), BatchNorm with learned scale and shift.
    /// </summary>
    public static nn.Module<Tensor, Tensor> ReluConvBn(int inChannels, int outChannels, int kernel, int stride) =>
        nn.Sequential(
            nn.ReLU(),
            nn.Conv2d(inChannels, outChannels, kernel, stride: stride, padding: kernel / 2, bias: false),
            nn.BatchNorm2d(outChannels));

    /// <summary>
    /// The benchmark's ResNetBasicblock between stages, which halves the resolution and changes the channel count:
    /// ReLUConvBN 3x3 at stride 2 then ReLUConvBN 3x3 at stride 1, added to a shortcut of 2x2 average pooling
    /// (stride 2) and a 1x1 convolution without bias.
    /// </summary>
    public sealed class ResidualBlock : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> reduce;
        private readonly nn.Module<Tensor, Tensor> convolve;
        private readonly nn.Module<Tensor, Tensor> shortcut;

        public ResidualBlock(int inChannels, int outChannels) : base(nameof(ResidualBlock))
        {
            reduce = ReluConvBn(inChannels, outChannels, 3, 2);
            convolve = ReluConvBn(outChannels, outChannels, 3, 1);
            shortcut = nn.Sequential(nn.AvgPool2d(2, 2), nn.Conv2d(inChannels, outChannels, 1, bias: false));
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => convolve.call(reduce.call(input)) + shortcut.call(input);
    }
}
