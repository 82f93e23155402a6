using Parsec.SearchSpace;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests.TestCells;

/// <summary>
/// An operation choice over four dense candidates of equal cost (Linear + ReLU / Tanh / Sigmoid / GELU); not shared,
/// so every instance gets its own distribution key. The memory tests stack it.
/// </summary>
public sealed class DenseCell : HandWrittenCell
{
    private readonly nn.Module<Tensor, Tensor>[] candidates;

    public DenseCell(int width) : base(nameof(DenseCell))
    {
        candidates = new[]
        {
            Candidates.Dense(width, nn.ReLU()), Candidates.Dense(width, nn.Tanh()),
            Candidates.Dense(width, nn.Sigmoid()), Candidates.Dense(width, nn.GELU()),
        };
        for (int o = 0; o < candidates.Length; o++) register_module($"Op_{Space.Choices[0].Options[o]}", candidates[o]);
    }

    public static CellSearchSpace Space { get; } =
        Describe("Tests.DenseCell", shared: false, Operation("Op", "Relu", "Tanh", "Sigmoid", "Gelu"));

    public override CellSearchSpace SearchSpace => Space;

    public override Tensor forward(Tensor x) => ChooseOperation(0, candidates, x);
}
