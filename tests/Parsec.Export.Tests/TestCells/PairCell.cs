using Parsec;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Export.Tests.TestCells;

/// <summary>
/// Two nodes in the DARTS style: a family over distinct inputs, and one over inputs that may repeat, so two slots
/// can put two operations on the same input.
/// </summary>
[SearchCell]
public sealed partial class PairCell : nn.Module<Tensor, Tensor, Tensor>
{
    public PairCell(int features) : base(nameof(PairCell))
    {
        for (int input = 0; input < 3; input++) BuildFirstOp(input, features);
        for (int input = 0; input < 4; input++) BuildSecondOp(input, features);
        RegisterComponents();
    }

    [InputChoice(Count = 2)] private partial Tensor[] FirstInputs(Tensor a, Tensor b, Tensor ab);
    [Choice(typeof(Activations), PerInput = nameof(FirstInputs))] private partial Tensor FirstOp(int slot, Tensor x);
    [InputChoice(Count = 2, Distinct = false)] private partial Tensor[] SecondInputs(Tensor a, Tensor b, Tensor ab, Tensor first);
    [Choice(typeof(Activations), PerInput = nameof(SecondInputs))] private partial Tensor SecondOp(int slot, Tensor x);

    public override Tensor forward(Tensor a, Tensor b)
    {
        var ab = a - b;
        var x = FirstInputs(a, b, ab);
        var first = FirstOp(0, x[0]) + FirstOp(1, x[1]);
        var y = SecondInputs(a, b, ab, first);
        return SecondOp(0, y[0]) + SecondOp(1, y[1]);
    }
}
