using Parsec.SearchSpace;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests.TestCells;

/// <summary>
/// Two distinct inputs out of three (<c>[B, 3, D]</c>), combined as first + ½ second so that slot order matters.
/// </summary>
public sealed class PairInputCell : HandWrittenCell
{
    public PairInputCell() : base(nameof(PairInputCell))
    {
    }

    public static CellSearchSpace Space { get; } =
        Describe("Tests.PairInputCell", shared: true, Input("Sources", 2, distinct: true, "a", "b", "c"));

    public override CellSearchSpace SearchSpace => Space;

    public override Tensor forward(Tensor x)
    {
        var chosen = ChooseInputs(0, x[.., 0], x[.., 1], x[.., 2]);
        return chosen[0] + 0.5 * chosen[1];
    }
}
