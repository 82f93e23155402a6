using Parsec.SearchSpace;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests.TestCells;

/// <summary>Two inputs out of three (<c>[B, 3, D]</c>) drawn independently (repeats allowed), combined as first − ½ second.</summary>
public sealed class RepeatedInputCell : HandWrittenCell
{
    public RepeatedInputCell() : base(nameof(RepeatedInputCell))
    {
    }

    public static CellSearchSpace Space { get; } =
        Describe("Tests.RepeatedInputCell", shared: false, Input("Sources", 2, distinct: false, "a", "b", "c"));

    public override CellSearchSpace SearchSpace => Space;

    public override Tensor forward(Tensor x)
    {
        var chosen = ChooseInputs(0, x[.., 0], x[.., 1], x[.., 2]);
        return chosen[0] - 0.5 * chosen[1];
    }
}
