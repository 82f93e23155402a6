using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Bench.Workload;

/// <summary>Creates a cell from (C_{k-2}, C_{k-1}, C_k, whether cell k-1 was a reduction cell).</summary>
public delegate nn.Module<Tensor, Tensor, Tensor> CellFactory(int previousPreviousChannels, int previousChannels, int channels, bool previousWasReduction);

/// <summary>
/// The workload's network: stem <c>Conv2d(1, C, 3, pad 1) + BN</c>, cells N-R-N with C doubled at the reduction
/// cell, global average pooling and <c>Linear(C_last, 10)</c>. The cells come from factories, so the supernet and
/// the fixed single architecture share this code.
/// </summary>
public sealed class WorkloadNetwork : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> stem;
    private readonly TorchSharp.Modules.ModuleList<nn.Module<Tensor, Tensor, Tensor>> cells;
    private readonly nn.Module<Tensor, Tensor> classifier;

    /// <summary>The fixed single architecture: sep_conv_5x5 on every edge (the workload's <c>single</c> mode).</summary>
    public static WorkloadNetwork Single(int channels) => new(channels,
        (pp, p, c, previousWasReduction) => new WorkloadSingleCell(pp, p, c, previousWasReduction, reduction: false),
        (pp, p, c, previousWasReduction) => new WorkloadSingleCell(pp, p, c, previousWasReduction, reduction: true));

    public WorkloadNetwork(int channels, CellFactory normal, CellFactory reduction) : base(nameof(WorkloadNetwork))
    {
        stem = nn.Sequential(nn.Conv2d(1, channels, 3, padding: 1, bias: false), nn.BatchNorm2d(channels));
        var built = new List<nn.Module<Tensor, Tensor, Tensor>>();
        int previousPrevious = channels, previous = channels, current = channels;
        bool previousWasReduction = false;
        foreach (char kind in "NRN")
        {
            bool isReduction = kind == 'R';
            if (isReduction) current *= 2;
            built.Add((isReduction ? reduction : normal)(previousPrevious, previous, current, previousWasReduction));
            (previousPrevious, previous, previousWasReduction) = (previous, current, isReduction);
        }
        cells = nn.ModuleList(built.ToArray());
        classifier = nn.Linear(previous, 10);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var s0 = stem.call(input);
        var s1 = s0;
        foreach (var cell in cells)
            (s0, s1) = (s1, cell.call(s0, s1));
        return classifier.call(s1.mean(new long[] { 2, 3 }));
    }
}
