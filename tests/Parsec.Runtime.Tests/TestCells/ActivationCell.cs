using Parsec.SearchSpace;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests.TestCells;

/// <summary>One parameter-free operation choice over [Identity, Relu, Zero]: only Relu bends its input.</summary>
public sealed class ActivationCell : HandWrittenCell
{
    private readonly nn.Module<Tensor, Tensor>[] candidates;

    public ActivationCell() : base(nameof(ActivationCell))
    {
        candidates = new[] { Candidates.Identity(), nn.ReLU(), Candidates.Zero() };
        for (int o = 0; o < candidates.Length; o++) register_module($"Act_{Space.Choices[0].Options[o]}", candidates[o]);
    }

    public static CellSearchSpace Space { get; } =
        Describe("Tests.ActivationCell", shared: true, Operation("Act", "Identity", "Relu", "Zero"));

    public override CellSearchSpace SearchSpace => Space;

    public override Tensor forward(Tensor x) => ChooseOperation(0, candidates, x);

    /// <summary>A one-hidden-layer regressor <c>[B, 1] → [B, 1]</c> whose hidden activation is the cell.</summary>
    public static nn.Module<Tensor, Tensor> Regressor(int hidden) =>
        new Chain("Regressor", nn.Linear(1, hidden), new ActivationCell(), nn.Linear(hidden, 1));
}
