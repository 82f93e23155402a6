// Exported by Parsec from Parsec.Samples.Darts.DartsNetwork: the searched architecture, fixed, as plain TorchSharp code.
// Create the model with its own constructor, then load the searched weights with model.load("DartsNetwork.weights") or train it from scratch.
// It needs the TorchSharp-cpu package and no Parsec assembly; on Linux with GCC 12's libstdc++ (Debian 12, Ubuntu 22.04)
// also reference the build-only Parsec.TorchSharpLoadFix package, without which TorchSharp's native library does not load.
//
// Architecture, with each choice's probability at the end of the search:
//   Parsec.Samples.Darts.NormalCell.Node0Inputs = [s1, s0]  (p = 0.528, 0.472)
//   Parsec.Samples.Darts.NormalCell.Node1Inputs = [s0, s1]  (p = 0.409, 0.356)
//   Parsec.Samples.Darts.NormalCell.Node2Inputs = [s0, n0]  (p = 0.514, 0.206)
//   Parsec.Samples.Darts.NormalCell.Node3Inputs = [s0, n0]  (p = 0.334, 0.221)
//   Parsec.Samples.Darts.NormalCell.Node0Op[0] = SepConv5x5  (p = 0.370)
//   Parsec.Samples.Darts.NormalCell.Node0Op[1] = SepConv5x5  (p = 0.805)
//   Parsec.Samples.Darts.NormalCell.Node1Op[0] = AvgPool3x3  (p = 0.204)
//   Parsec.Samples.Darts.NormalCell.Node1Op[1] = SepConv5x5  (p = 0.375)
//   Parsec.Samples.Darts.NormalCell.Node2Op[0] = SepConv3x3  (p = 0.229)
//   Parsec.Samples.Darts.NormalCell.Node2Op[1] = AvgPool3x3  (p = 0.269)
//   Parsec.Samples.Darts.NormalCell.Node3Op[0] = MaxPool3x3  (p = 0.177)
//   Parsec.Samples.Darts.NormalCell.Node3Op[1] = SkipConnect  (p = 0.205)
//   Parsec.Samples.Darts.ReductionCell.Node0Inputs = [s0, s1]  (p = 0.753, 0.247)
//   Parsec.Samples.Darts.ReductionCell.Node1Inputs = [s1, s0]  (p = 0.418, 0.380)
//   Parsec.Samples.Darts.ReductionCell.Node2Inputs = [s0, s1]  (p = 0.293, 0.282)
//   Parsec.Samples.Darts.ReductionCell.Node3Inputs = [s0, n0]  (p = 0.278, 0.236)
//   Parsec.Samples.Darts.ReductionCell.Node0Op[0] = SepConv5x5  (p = 0.285)
//   Parsec.Samples.Darts.ReductionCell.Node0Op[1] = SepConv3x3  (p = 0.216)
//   Parsec.Samples.Darts.ReductionCell.Node1Op[0] = SepConv5x5  (p = 0.238)
//   Parsec.Samples.Darts.ReductionCell.Node1Op[1] = SepConv5x5  (p = 0.233)
//   Parsec.Samples.Darts.ReductionCell.Node2Op[0] = AvgPool3x3  (p = 0.188)
//   Parsec.Samples.Darts.ReductionCell.Node2Op[1] = DilConv5x5  (p = 0.205)
//   Parsec.Samples.Darts.ReductionCell.Node3Op[0] = AvgPool3x3  (p = 0.210)
//   Parsec.Samples.Darts.ReductionCell.Node3Op[1] = DilConv3x3  (p = 0.262)
// Search: parsec; Steps 200, StepsRun 200, BatchSize 128, Seed 1, WeightOptimizer SGD(lr 0.1, momentum 0.9, decay 0.0003), CosineSchedule true
// Distribution: artifacts/distribution.json
//
// Parsec re-exports over this file only while it is unchanged: the hash below covers everything but its own line.
// parsec-export-architecture: {"Parsec.Samples.Darts.NormalCell":{"Node0Inputs":["s1","s0"],"Node1Inputs":["s0","s1"],"Node2Inputs":["s0","n0"],"Node3Inputs":["s0","n0"],"Node0Op[0]":"SepConv5x5","Node0Op[1]":"SepConv5x5","Node1Op[0]":"AvgPool3x3","Node1Op[1]":"SepConv5x5","Node2Op[0]":"SepConv3x3","Node2Op[1]":"AvgPool3x3","Node3Op[0]":"MaxPool3x3","Node3Op[1]":"SkipConnect"},"Parsec.Samples.Darts.ReductionCell":{"Node0Inputs":["s0","s1"],"Node1Inputs":["s1","s0"],"Node2Inputs":["s0","s1"],"Node3Inputs":["s0","n0"],"Node0Op[0]":"SepConv5x5","Node0Op[1]":"SepConv3x3","Node1Op[0]":"SepConv5x5","Node1Op[1]":"SepConv5x5","Node2Op[0]":"AvgPool3x3","Node2Op[1]":"DilConv5x5","Node3Op[0]":"AvgPool3x3","Node3Op[1]":"DilConv3x3"}}
// parsec-export-hash: sha256:60ace5de1003ed30122974ad6413b05c0497e99f31794a0849a330709282fa17

#nullable enable

using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Samples.Darts.Exported;

public sealed class DartsNetwork : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> stem;
    private readonly TorchSharp.Modules.ModuleList<nn.Module<Tensor, Tensor, Tensor>> cells;
    private readonly nn.Module<Tensor, Tensor> pool;
    private readonly nn.Module<Tensor, Tensor> classifier;

    /// <param name="layout">One letter a cell: N normal, R reduction.</param>
    /// <param name="channels">The first cell's channels.</param>
    /// <param name="classes">The number of classes.</param>
    /// <param name="stemStride">The stride of the stem's second convolution; 2 quarters the cost of every cell.</param>
    public DartsNetwork(string layout = "NRN", int channels = 16, int classes = 10, int stemStride = 1)
        : base(nameof(DartsNetwork))
    {
        if (layout.Length == 0 || layout.Trim('N', 'R').Length != 0)
            throw new ArgumentException($"The cell layout '{layout}' must be a non-empty string of N (normal) and R (reduction).", nameof(layout));
        // Two convolutions, the first at full resolution: a lone strided convolution loses the fine texture that
        // tells a shirt from a T-shirt before any cell sees it.
        // Above 16, a multiple of 16: libtorch 2.10's oneDNN returned NaN now and then from 3x3 convolutions with 20-28
        // input channels on an AVX-512 CPU (docs/history.md), and at C = 48 the second convolution's would be 24.
        int stemWidth = channels / 2 <= 16 ? Math.Max(1, channels / 2) : (channels / 2 + 15) / 16 * 16;
        stem = nn.Sequential(
            nn.Conv2d(1, stemWidth, 3, padding: 1, bias: false),
            nn.BatchNorm2d(stemWidth),
            nn.ReLU(),
            nn.Conv2d(stemWidth, channels, 3, stride: stemStride, padding: 1, bias: false),
            nn.BatchNorm2d(channels));
        var built = new List<nn.Module<Tensor, Tensor, Tensor>>();
        int previousPrevious = channels, previous = channels, current = channels;
        bool previousWasReduction = false;
        foreach (char kind in layout)
        {
            bool reduction = kind == 'R';
            if (reduction) current *= 2;
            built.Add(reduction
                ? new ReductionCell(previousPrevious, previous, current, previousWasReduction)
                : new NormalCell(previousPrevious, previous, current, previousWasReduction));
            (previousPrevious, previous, previousWasReduction) = (previous, current, reduction);
        }
        cells = nn.ModuleList(built.ToArray());
        pool = nn.AdaptiveAvgPool2d(1);
        classifier = nn.Linear(previous, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var s0 = stem.call(input);
        var s1 = s0;
        foreach (var cell in cells)
            (s0, s1) = (s1, cell.call(s0, s1));
        return classifier.call(pool.call(s1).flatten(1));
    }
}

public sealed class NormalCell : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> preprocess0;
    private readonly nn.Module<Tensor, Tensor> preprocess1;
    private readonly nn.Module<Tensor, Tensor> projection;

    /// <param name="previousPreviousChannels">Channels of s0.</param>
    /// <param name="previousChannels">Channels of s1.</param>
    /// <param name="channels">This cell's channels.</param>
    /// <param name="previousWasReduction">Whether s1 has half the resolution of s0.</param>
    public NormalCell(int previousPreviousChannels, int previousChannels, int channels, bool previousWasReduction)
        : base(nameof(NormalCell))
    {
        preprocess0 = DartsOps.PreprocessEarlierInput(previousPreviousChannels, channels, previousWasReduction);
        preprocess1 = DartsOps.ReluConvBn(previousChannels, channels);
        for (int input = 0; input < 2; input++) BuildNode0Op(input, channels, 1);
        for (int input = 0; input < 3; input++) BuildNode1Op(input, channels, 1);
        for (int input = 0; input < 4; input++) BuildNode2Op(input, channels, 1);
        for (int input = 0; input < 5; input++) BuildNode3Op(input, channels, 1);
        projection = DartsOps.Projection(4 * channels, channels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input0, Tensor input1)
    {
        var s0 = preprocess0.call(input0);
        var s1 = preprocess1.call(input1);
        var n0 = DartsOps.Node(Node0Inputs(s0, s1), Node0Op);
        var n1 = DartsOps.Node(Node1Inputs(s0, s1, n0), Node1Op);
        var n2 = DartsOps.Node(Node2Inputs(s0, s1, n0, n1), Node2Op);
        var n3 = DartsOps.Node(Node3Inputs(s0, s1, n0, n1, n2), Node3Op);
        return projection.call(cat(new[] { n0, n1, n2, n3 }, 1));
    }

    // Node0Inputs: s1, s0, out of s0, s1.
    private Tensor[] Node0Inputs(Tensor s0, Tensor s1) => new[] { s1, s0 };

    // Node1Inputs: s0, s1, out of s0, s1, n0.
    private Tensor[] Node1Inputs(Tensor s0, Tensor s1, Tensor n0) => new[] { s0, s1 };

    // Node2Inputs: s0, n0, out of s0, s1, n0, n1.
    private Tensor[] Node2Inputs(Tensor s0, Tensor s1, Tensor n0, Tensor n1) => new[] { s0, n0 };

    // Node3Inputs: s0, n0, out of s0, s1, n0, n1, n2.
    private Tensor[] Node3Inputs(Tensor s0, Tensor s1, Tensor n0, Tensor n1, Tensor n2) => new[] { s0, n0 };

    // Node0Op: slot 0 SepConv5x5 on s1, slot 1 SepConv5x5 on s0, out of DartsOps per input of Node0Inputs.
    // The modules keep the supernet's names, so their weights load.
    private nn.Module<Tensor, Tensor>? Node0Op_s0_SepConv5x5;
    private nn.Module<Tensor, Tensor>? Node0Op_s1_SepConv5x5;

    private Tensor Node0Op(int slot, Tensor x) => slot switch
    {
        0 => Node0Op_s1_SepConv5x5!.call(x),
        1 => Node0Op_s0_SepConv5x5!.call(x),
        _ => throw new global::System.ArgumentOutOfRangeException(nameof(slot)),
    };

    // Only the inputs a slot chose have a module: the calls for the other inputs do nothing.
    private void BuildNode0Op(int input, int channels, int stride)
    {
        switch (input)
        {
            case 0:
                Node0Op_s0_SepConv5x5 = DartsOps.SepConv5x5(channels, stride);
                register_module("Node0Op_s0_SepConv5x5", Node0Op_s0_SepConv5x5);
                break;
            case 1:
                Node0Op_s1_SepConv5x5 = DartsOps.SepConv5x5(channels, stride);
                register_module("Node0Op_s1_SepConv5x5", Node0Op_s1_SepConv5x5);
                break;
        }
    }

    // Node1Op: slot 0 AvgPool3x3 on s0, slot 1 SepConv5x5 on s1, out of DartsOps per input of Node1Inputs.
    // The modules keep the supernet's names, so their weights load.
    private nn.Module<Tensor, Tensor>? Node1Op_s0_AvgPool3x3;
    private nn.Module<Tensor, Tensor>? Node1Op_s1_SepConv5x5;

    private Tensor Node1Op(int slot, Tensor x) => slot switch
    {
        0 => Node1Op_s0_AvgPool3x3!.call(x),
        1 => Node1Op_s1_SepConv5x5!.call(x),
        _ => throw new global::System.ArgumentOutOfRangeException(nameof(slot)),
    };

    // Only the inputs a slot chose have a module: the calls for the other inputs do nothing.
    private void BuildNode1Op(int input, int channels, int stride)
    {
        switch (input)
        {
            case 0:
                Node1Op_s0_AvgPool3x3 = DartsOps.AvgPool3x3(channels, stride);
                register_module("Node1Op_s0_AvgPool3x3", Node1Op_s0_AvgPool3x3);
                break;
            case 1:
                Node1Op_s1_SepConv5x5 = DartsOps.SepConv5x5(channels, stride);
                register_module("Node1Op_s1_SepConv5x5", Node1Op_s1_SepConv5x5);
                break;
        }
    }

    // Node2Op: slot 0 SepConv3x3 on s0, slot 1 AvgPool3x3 on n0, out of DartsOps per input of Node2Inputs.
    // The modules keep the supernet's names, so their weights load.
    private nn.Module<Tensor, Tensor>? Node2Op_s0_SepConv3x3;
    private nn.Module<Tensor, Tensor>? Node2Op_n0_AvgPool3x3;

    private Tensor Node2Op(int slot, Tensor x) => slot switch
    {
        0 => Node2Op_s0_SepConv3x3!.call(x),
        1 => Node2Op_n0_AvgPool3x3!.call(x),
        _ => throw new global::System.ArgumentOutOfRangeException(nameof(slot)),
    };

    // Only the inputs a slot chose have a module: the calls for the other inputs do nothing.
    private void BuildNode2Op(int input, int channels, int stride)
    {
        switch (input)
        {
            case 0:
                Node2Op_s0_SepConv3x3 = DartsOps.SepConv3x3(channels, stride);
                register_module("Node2Op_s0_SepConv3x3", Node2Op_s0_SepConv3x3);
                break;
            case 2:
                Node2Op_n0_AvgPool3x3 = DartsOps.AvgPool3x3(channels, stride);
                register_module("Node2Op_n0_AvgPool3x3", Node2Op_n0_AvgPool3x3);
                break;
        }
    }

    // Node3Op: slot 0 MaxPool3x3 on s0, slot 1 SkipConnect on n0, out of DartsOps per input of Node3Inputs.
    // The modules keep the supernet's names, so their weights load.
    private nn.Module<Tensor, Tensor>? Node3Op_s0_MaxPool3x3;
    private nn.Module<Tensor, Tensor>? Node3Op_n0_SkipConnect;

    private Tensor Node3Op(int slot, Tensor x) => slot switch
    {
        0 => Node3Op_s0_MaxPool3x3!.call(x),
        1 => Node3Op_n0_SkipConnect!.call(x),
        _ => throw new global::System.ArgumentOutOfRangeException(nameof(slot)),
    };

    // Only the inputs a slot chose have a module: the calls for the other inputs do nothing.
    private void BuildNode3Op(int input, int channels, int stride)
    {
        switch (input)
        {
            case 0:
                Node3Op_s0_MaxPool3x3 = DartsOps.MaxPool3x3(channels, stride);
                register_module("Node3Op_s0_MaxPool3x3", Node3Op_s0_MaxPool3x3);
                break;
            case 2:
                Node3Op_n0_SkipConnect = DartsOps.SkipConnect(channels, stride);
                register_module("Node3Op_n0_SkipConnect", Node3Op_n0_SkipConnect);
                break;
        }
    }
}

public sealed class ReductionCell : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> preprocess0;
    private readonly nn.Module<Tensor, Tensor> preprocess1;
    private readonly nn.Module<Tensor, Tensor> projection;

    /// <param name="previousPreviousChannels">Channels of s0.</param>
    /// <param name="previousChannels">Channels of s1.</param>
    /// <param name="channels">This cell's channels.</param>
    /// <param name="previousWasReduction">Whether s1 has half the resolution of s0.</param>
    public ReductionCell(int previousPreviousChannels, int previousChannels, int channels, bool previousWasReduction)
        : base(nameof(ReductionCell))
    {
        preprocess0 = DartsOps.PreprocessEarlierInput(previousPreviousChannels, channels, previousWasReduction);
        preprocess1 = DartsOps.ReluConvBn(previousChannels, channels);
        for (int input = 0; input < 2; input++) BuildNode0Op(input, channels, input < 2 ? 2 : 1);
        for (int input = 0; input < 3; input++) BuildNode1Op(input, channels, input < 2 ? 2 : 1);
        for (int input = 0; input < 4; input++) BuildNode2Op(input, channels, input < 2 ? 2 : 1);
        for (int input = 0; input < 5; input++) BuildNode3Op(input, channels, input < 2 ? 2 : 1);
        projection = DartsOps.Projection(4 * channels, channels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input0, Tensor input1)
    {
        var s0 = preprocess0.call(input0);
        var s1 = preprocess1.call(input1);
        var n0 = DartsOps.Node(Node0Inputs(s0, s1), Node0Op);
        var n1 = DartsOps.Node(Node1Inputs(s0, s1, n0), Node1Op);
        var n2 = DartsOps.Node(Node2Inputs(s0, s1, n0, n1), Node2Op);
        var n3 = DartsOps.Node(Node3Inputs(s0, s1, n0, n1, n2), Node3Op);
        return projection.call(cat(new[] { n0, n1, n2, n3 }, 1));
    }

    // Node0Inputs: s0, s1, out of s0, s1.
    private Tensor[] Node0Inputs(Tensor s0, Tensor s1) => new[] { s0, s1 };

    // Node1Inputs: s1, s0, out of s0, s1, n0.
    private Tensor[] Node1Inputs(Tensor s0, Tensor s1, Tensor n0) => new[] { s1, s0 };

    // Node2Inputs: s0, s1, out of s0, s1, n0, n1.
    private Tensor[] Node2Inputs(Tensor s0, Tensor s1, Tensor n0, Tensor n1) => new[] { s0, s1 };

    // Node3Inputs: s0, n0, out of s0, s1, n0, n1, n2.
    private Tensor[] Node3Inputs(Tensor s0, Tensor s1, Tensor n0, Tensor n1, Tensor n2) => new[] { s0, n0 };

    // Node0Op: slot 0 SepConv5x5 on s0, slot 1 SepConv3x3 on s1, out of DartsOps per input of Node0Inputs.
    // The modules keep the supernet's names, so their weights load.
    private nn.Module<Tensor, Tensor>? Node0Op_s0_SepConv5x5;
    private nn.Module<Tensor, Tensor>? Node0Op_s1_SepConv3x3;

    private Tensor Node0Op(int slot, Tensor x) => slot switch
    {
        0 => Node0Op_s0_SepConv5x5!.call(x),
        1 => Node0Op_s1_SepConv3x3!.call(x),
        _ => throw new global::System.ArgumentOutOfRangeException(nameof(slot)),
    };

    // Only the inputs a slot chose have a module: the calls for the other inputs do nothing.
    private void BuildNode0Op(int input, int channels, int stride)
    {
        switch (input)
        {
            case 0:
                Node0Op_s0_SepConv5x5 = DartsOps.SepConv5x5(channels, stride);
                register_module("Node0Op_s0_SepConv5x5", Node0Op_s0_SepConv5x5);
                break;
            case 1:
                Node0Op_s1_SepConv3x3 = DartsOps.SepConv3x3(channels, stride);
                register_module("Node0Op_s1_SepConv3x3", Node0Op_s1_SepConv3x3);
                break;
        }
    }

    // Node1Op: slot 0 SepConv5x5 on s1, slot 1 SepConv5x5 on s0, out of DartsOps per input of Node1Inputs.
    // The modules keep the supernet's names, so their weights load.
    private nn.Module<Tensor, Tensor>? Node1Op_s0_SepConv5x5;
    private nn.Module<Tensor, Tensor>? Node1Op_s1_SepConv5x5;

    private Tensor Node1Op(int slot, Tensor x) => slot switch
    {
        0 => Node1Op_s1_SepConv5x5!.call(x),
        1 => Node1Op_s0_SepConv5x5!.call(x),
        _ => throw new global::System.ArgumentOutOfRangeException(nameof(slot)),
    };

    // Only the inputs a slot chose have a module: the calls for the other inputs do nothing.
    private void BuildNode1Op(int input, int channels, int stride)
    {
        switch (input)
        {
            case 0:
                Node1Op_s0_SepConv5x5 = DartsOps.SepConv5x5(channels, stride);
                register_module("Node1Op_s0_SepConv5x5", Node1Op_s0_SepConv5x5);
                break;
            case 1:
                Node1Op_s1_SepConv5x5 = DartsOps.SepConv5x5(channels, stride);
                register_module("Node1Op_s1_SepConv5x5", Node1Op_s1_SepConv5x5);
                break;
        }
    }

    // Node2Op: slot 0 AvgPool3x3 on s0, slot 1 DilConv5x5 on s1, out of DartsOps per input of Node2Inputs.
    // The modules keep the supernet's names, so their weights load.
    private nn.Module<Tensor, Tensor>? Node2Op_s0_AvgPool3x3;
    private nn.Module<Tensor, Tensor>? Node2Op_s1_DilConv5x5;

    private Tensor Node2Op(int slot, Tensor x) => slot switch
    {
        0 => Node2Op_s0_AvgPool3x3!.call(x),
        1 => Node2Op_s1_DilConv5x5!.call(x),
        _ => throw new global::System.ArgumentOutOfRangeException(nameof(slot)),
    };

    // Only the inputs a slot chose have a module: the calls for the other inputs do nothing.
    private void BuildNode2Op(int input, int channels, int stride)
    {
        switch (input)
        {
            case 0:
                Node2Op_s0_AvgPool3x3 = DartsOps.AvgPool3x3(channels, stride);
                register_module("Node2Op_s0_AvgPool3x3", Node2Op_s0_AvgPool3x3);
                break;
            case 1:
                Node2Op_s1_DilConv5x5 = DartsOps.DilConv5x5(channels, stride);
                register_module("Node2Op_s1_DilConv5x5", Node2Op_s1_DilConv5x5);
                break;
        }
    }

    // Node3Op: slot 0 AvgPool3x3 on s0, slot 1 DilConv3x3 on n0, out of DartsOps per input of Node3Inputs.
    // The modules keep the supernet's names, so their weights load.
    private nn.Module<Tensor, Tensor>? Node3Op_s0_AvgPool3x3;
    private nn.Module<Tensor, Tensor>? Node3Op_n0_DilConv3x3;

    private Tensor Node3Op(int slot, Tensor x) => slot switch
    {
        0 => Node3Op_s0_AvgPool3x3!.call(x),
        1 => Node3Op_n0_DilConv3x3!.call(x),
        _ => throw new global::System.ArgumentOutOfRangeException(nameof(slot)),
    };

    // Only the inputs a slot chose have a module: the calls for the other inputs do nothing.
    private void BuildNode3Op(int input, int channels, int stride)
    {
        switch (input)
        {
            case 0:
                Node3Op_s0_AvgPool3x3 = DartsOps.AvgPool3x3(channels, stride);
                register_module("Node3Op_s0_AvgPool3x3", Node3Op_s0_AvgPool3x3);
                break;
            case 2:
                Node3Op_n0_DilConv3x3 = DartsOps.DilConv3x3(channels, stride);
                register_module("Node3Op_n0_DilConv3x3", Node3Op_n0_DilConv3x3);
                break;
        }
    }
}

public static class DartsOps
{
    public static nn.Module<Tensor, Tensor> SepConv3x3(int channels, int stride) => new SepConv(channels, 3, stride);
    public static nn.Module<Tensor, Tensor> SepConv5x5(int channels, int stride) => new SepConv(channels, 5, stride);
    public static nn.Module<Tensor, Tensor> DilConv3x3(int channels, int stride) => new DilConv(channels, 3, stride);
    public static nn.Module<Tensor, Tensor> DilConv5x5(int channels, int stride) => new DilConv(channels, 5, stride);
    public static nn.Module<Tensor, Tensor> MaxPool3x3(int channels, int stride) => nn.MaxPool2d(3, stride, 1);

    public static nn.Module<Tensor, Tensor> AvgPool3x3(int channels, int stride) =>
        nn.AvgPool2d(new long[] { 3, 3 }, new long[] { stride, stride }, new long[] { 1, 1 }, count_include_pad: false);

    public static nn.Module<Tensor, Tensor> SkipConnect(int channels, int stride) =>
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
