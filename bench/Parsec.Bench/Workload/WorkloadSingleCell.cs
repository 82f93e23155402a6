using System.Collections.Generic;
using Parsec.Samples.Darts;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Bench.Workload;

/// <summary>
/// The workload's <c>single</c> architecture, built alone (8 operation modules a cell): every node is
/// <c>sep_conv_5x5(state 0) + sep_conv_5x5(state 1)</c>, the costliest choice on every edge.
/// </summary>
public sealed class WorkloadSingleCell : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> preprocess0;
    private readonly nn.Module<Tensor, Tensor> preprocess1;
    private readonly TorchSharp.Modules.ModuleList<nn.Module<Tensor, Tensor>> edges;
    private readonly nn.Module<Tensor, Tensor> projection;

    public WorkloadSingleCell(int previousPreviousChannels, int previousChannels, int channels, bool previousWasReduction, bool reduction)
        : base(nameof(WorkloadSingleCell))
    {
        preprocess0 = DartsOps.PreprocessEarlierInput(previousPreviousChannels, channels, previousWasReduction);
        preprocess1 = DartsOps.ReluConvBn(previousChannels, channels);
        var built = new List<nn.Module<Tensor, Tensor>>();
        for (int edge = 0; edge < 8; edge++)
            built.Add(DartsOps.SepConv5x5(channels, reduction ? 2 : 1));
        edges = nn.ModuleList(built.ToArray());
        projection = DartsOps.Projection(4 * channels, channels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input0, Tensor input1)
    {
        var s0 = preprocess0.call(input0);
        var s1 = preprocess1.call(input1);
        var nodes = new Tensor[4];
        for (int node = 0; node < 4; node++)
            nodes[node] = edges[2 * node].call(s0) + edges[2 * node + 1].call(s1);
        return projection.call(cat(nodes, 1));
    }
}
