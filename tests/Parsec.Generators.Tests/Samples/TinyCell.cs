using Parsec;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Generators.Tests.Samples;

/// <summary>Three small operations on a feature vector.</summary>
[CandidateSet]
internal static class TinyOps
{
    [Candidate] public static nn.Module<Tensor, Tensor> Linear(int features) => nn.Linear(features, features);
    [Candidate] public static nn.Module<Tensor, Tensor> LinearTanh(int features) => nn.Sequential(nn.Linear(features, features), nn.Tanh());
    [Candidate] public static nn.Module<Tensor, Tensor> Identity(int features) => nn.Identity();
}

/// <summary>
/// A cell with every kind of choice, compiled by the real generator: an operation, a node with two inputs and a
/// per-input family, a single input choice without a family, and a value.
/// </summary>
[SearchCell]
internal sealed partial class TinyCell : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> stem;

    public TinyCell(int features, bool registerFirst = false, bool build = true) : base(nameof(TinyCell))
    {
        stem = nn.Linear(features, features);
        // RegisterComponents before or after the Build calls registers every module exactly once.
        if (registerFirst) RegisterComponents();
        if (build)
        {
            BuildAct(features);
            for (int input = 0; input < 3; input++) BuildNodeOp(input, features);
        }
        if (!registerFirst) RegisterComponents();
    }

    [Choice(typeof(TinyOps))] private partial Tensor Act(Tensor x);
    [InputChoice(Count = 2)] private partial Tensor[] NodeInputs(Tensor x, Tensor a, Tensor s);
    [Choice(typeof(TinyOps), PerInput = nameof(NodeInputs))] private partial Tensor NodeOp(int slot, Tensor x);
    [InputChoice] private partial Tensor Skip(Tensor node, Tensor a);
    [ValueChoice(1.0, 2.0)] private partial double Scale { get; }

    public override Tensor forward(Tensor x)
    {
        var s = stem.call(x);
        var a = Act(s);
        var inputs = NodeInputs(x, a, s);
        var node = NodeOp(0, inputs[0]) + NodeOp(1, inputs[1]);
        return Skip(node, a) * Scale;
    }
}

/// <summary>
/// TinyCell with Act = LinearTanh, NodeInputs = [s, x], NodeOp = [Linear, LinearTanh], Skip = node, Scale = 2,
/// written by hand: the chosen candidates registered under the contract's names, as the exporter does.
/// </summary>
internal sealed class FixedTinyCell : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> stem;
    private readonly nn.Module<Tensor, Tensor> act;
    private readonly nn.Module<Tensor, Tensor> slot0;
    private readonly nn.Module<Tensor, Tensor> slot1;

    public FixedTinyCell(int features) : base(nameof(FixedTinyCell))
    {
        stem = nn.Linear(features, features);
        act = TinyOps.LinearTanh(features);
        slot0 = TinyOps.Linear(features);
        slot1 = TinyOps.LinearTanh(features);
        register_module("stem", stem);
        register_module("Act_LinearTanh", act);
        register_module("NodeOp_s_Linear", slot0);
        register_module("NodeOp_x_LinearTanh", slot1);
    }

    public override Tensor forward(Tensor x)
    {
        var s = stem.call(x);
        var a = act.call(s);
        var node = slot0.call(s) + slot1.call(x);
        return node * 2.0;
    }
}
