using Parsec.SearchSpace;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests.TestCells;

/// <summary>One operation choice over [Identity, Zero, Noise]: only Identity lets the input through.</summary>
public sealed class OperationCell : HandWrittenCell
{
    private readonly nn.Module<Tensor, Tensor>[] candidates;

    public OperationCell() : base(nameof(OperationCell))
    {
        candidates = new[] { Candidates.Identity(), Candidates.Zero(), Candidates.Noise() };
        register_module("Op_Identity", candidates[0]);
        register_module("Op_Zero", candidates[1]);
        register_module("Op_Noise", candidates[2]);
    }

    public static CellSearchSpace Space { get; } =
        Describe("Tests.OperationCell", shared: true, Operation("Op", "Identity", "Zero", "Noise"));

    public override CellSearchSpace SearchSpace => Space;

    public override Tensor forward(Tensor x) => ChooseOperation(0, candidates, x);
}
