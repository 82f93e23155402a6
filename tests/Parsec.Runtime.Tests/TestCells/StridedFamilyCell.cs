using System.Collections.Immutable;
using Parsec.SearchSpace;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests.TestCells;

/// <summary>
/// One of two inputs (<c>[B, 2, D]</c>) through the per-input family Op over [Dense, Skip]. Like DARTS' skip
/// connection at stride 2, Skip on input <c>a</c> is a Linear; on input <c>b</c> it is the identity.
/// </summary>
public sealed class StridedFamilyCell : HandWrittenCell
{
    private readonly nn.Module<Tensor, Tensor>[][] candidates;

    public StridedFamilyCell(int width) : base(nameof(StridedFamilyCell))
    {
        candidates = new[]
        {
            new[] { Candidates.Dense(width, nn.ReLU()), nn.Linear(width, width) },
            new[] { Candidates.Dense(width, nn.ReLU()), Candidates.Identity() },
        };
        var inputs = Space.Choices[0].Options;
        for (int j = 0; j < inputs.Length; j++)
        {
            register_module($"Op_{inputs[j]}_Dense", candidates[j][0]);
            register_module($"Op_{inputs[j]}_Skip", candidates[j][1]);
        }
    }

    public static CellSearchSpace Space { get; } = Describe("Tests.StridedFamilyCell", shared: true,
        Input("Inputs", 1, distinct: true, "a", "b"),
        new Choice("Op[0]", ChoiceKind.Operation, ImmutableArray.Create("Dense", "Skip"), Member: "Op", Slot: 0, PerInput: "Inputs"));

    public override CellSearchSpace SearchSpace => Space;

    public override Tensor forward(Tensor x)
    {
        int input = Selection(0)[0];
        return candidates[input][Selection(1)[0]].forward(x[.., input]);
    }
}
