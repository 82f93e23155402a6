using System;
using System.Collections.Generic;
using Parsec;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Samples.Darts;

/// <summary>
/// A DARTS network for 1-channel images: a stem of two convolutions, then cells laid out by a string such as
/// <c>"NRN"</c> (N a normal cell, R a reduction cell that halves the resolution and doubles the channels), global
/// average pooling and a linear classifier. Cell k reads the outputs of cells k-2 and k-1 (the stem's output stands
/// in for both at the start).
/// </summary>
[SearchModel]
public sealed partial class DartsNetwork : nn.Module<Tensor, Tensor>
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
