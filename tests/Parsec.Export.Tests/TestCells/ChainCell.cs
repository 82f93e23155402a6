using Parsec;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Export.Tests.TestCells;

/// <summary>A chain of linear layers: its activation (an operation), skip source (an input) and depth, scale and label (values) are searched.</summary>
[SearchCell]
public sealed partial class ChainCell : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> linear;

    public ChainCell(int features) : base(nameof(ChainCell))
    {
        linear = nn.Linear(features, features); // the shared layer: this comment is kept
        // generated: builds and registers every candidate of Act,
        // so the supernet can run any of them
        BuildAct(features); // generated: builds every candidate
        RegisterComponents();
    }

    [Choice(typeof(Activations))] private partial Tensor Act(Tensor x);
    [InputChoice] private partial Tensor Skip(Tensor input, Tensor hidden);
    [ValueChoice(1, 2, 3)] private partial int Depth { get; }
    [ValueChoice(0.5, 1.0)] private partial double Scale { get; }
    [ValueChoice("wide", "narrow")] private partial string Label { get; }

    public override Tensor forward(Tensor input)
    {
        var hidden = input;
        for (int i = 0; i < Depth; i++) hidden = Act(linear.call(hidden));
        var output = Skip(input, hidden) * Scale;
        return Label == "wide" ? output : output * 0.25;
    }
}
