using Parsec.SearchSpace;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests.TestCells;

/// <summary>
/// Four operation choices, summed: three mix a Dense candidate (weights) with parameter-free ones, and Act offers only
/// parameter-free ones. The parameter-free limit tests use it.
/// </summary>
public sealed class MixedCell : HandWrittenCell
{
    private readonly nn.Module<Tensor, Tensor>[][] candidates;

    public MixedCell(int width) : base(nameof(MixedCell))
    {
        candidates = new[]
        {
            new[] { Candidates.Dense(width, nn.ReLU()), Candidates.Identity(), Candidates.Zero() },
            new[] { Candidates.Zero(), Candidates.Dense(width, nn.ReLU()) },
            new[] { Candidates.Identity(), Candidates.Dense(width, nn.Tanh()) },
            new[] { Candidates.Identity(), Candidates.Zero() },
        };
        for (int c = 0; c < candidates.Length; c++)
            for (int o = 0; o < candidates[c].Length; o++)
                register_module($"{Space.Choices[c].Name}_{Space.Choices[c].Options[o]}", candidates[c][o]);
    }

    public static CellSearchSpace Space { get; } = Describe("Tests.MixedCell", shared: true,
        Operation("Wide", "Dense", "Identity", "Zero"),
        Operation("Narrow", "Zero", "Dense"),
        Operation("Third", "Identity", "Dense"),
        Operation("Act", "Identity", "Zero"));

    public override CellSearchSpace SearchSpace => Space;

    public override Tensor forward(Tensor x) =>
        ChooseOperation(0, candidates[0], x) + ChooseOperation(1, candidates[1], x)
        + ChooseOperation(2, candidates[2], x) + ChooseOperation(3, candidates[3], x);
}
