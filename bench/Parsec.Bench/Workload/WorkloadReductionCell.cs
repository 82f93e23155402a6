using Parsec;
using Parsec.Samples.Darts;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Bench.Workload;

/// <summary>
/// The reduction cell of the DARTS-cell workload (../shared/bench/darts-cell-workload.md): like the sample's
/// <see cref="ReductionCell"/>, but each of a node's two edges picks its input independently (Distinct = false), as
/// the workload's per-edge input categoricals do.
/// </summary>
[SearchCell]
public sealed partial class WorkloadReductionCell : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> preprocess0;
    private readonly nn.Module<Tensor, Tensor> preprocess1;
    private readonly nn.Module<Tensor, Tensor> projection;

    public WorkloadReductionCell(int previousPreviousChannels, int previousChannels, int channels, bool previousWasReduction)
        : base(nameof(WorkloadReductionCell))
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

    [InputChoice(Count = 2, Distinct = false)] private partial Tensor[] Node0Inputs(Tensor s0, Tensor s1);
    [InputChoice(Count = 2, Distinct = false)] private partial Tensor[] Node1Inputs(Tensor s0, Tensor s1, Tensor n0);
    [InputChoice(Count = 2, Distinct = false)] private partial Tensor[] Node2Inputs(Tensor s0, Tensor s1, Tensor n0, Tensor n1);
    [InputChoice(Count = 2, Distinct = false)] private partial Tensor[] Node3Inputs(Tensor s0, Tensor s1, Tensor n0, Tensor n1, Tensor n2);

    [Choice(typeof(DartsOps), PerInput = nameof(Node0Inputs))] private partial Tensor Node0Op(int slot, Tensor x);
    [Choice(typeof(DartsOps), PerInput = nameof(Node1Inputs))] private partial Tensor Node1Op(int slot, Tensor x);
    [Choice(typeof(DartsOps), PerInput = nameof(Node2Inputs))] private partial Tensor Node2Op(int slot, Tensor x);
    [Choice(typeof(DartsOps), PerInput = nameof(Node3Inputs))] private partial Tensor Node3Op(int slot, Tensor x);

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
}
