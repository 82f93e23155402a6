using Parsec.SearchSpace;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests.TestCells;

/// <summary>An input choice of count 1 over three inputs stacked on dimension 1 of <c>[B, 3, D]</c>.</summary>
public sealed class InputCell : HandWrittenCell
{
    public InputCell() : base(nameof(InputCell))
    {
    }

    public static CellSearchSpace Space { get; } =
        Describe("Tests.InputCell", shared: true, Input("Source", 1, distinct: true, "a", "b", "c"));

    public override CellSearchSpace SearchSpace => Space;

    public override Tensor forward(Tensor x) => ChooseInputs(0, x[.., 0], x[.., 1], x[.., 2])[0];
}
