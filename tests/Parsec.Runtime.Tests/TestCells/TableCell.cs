using Parsec.SearchSpace;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests.TestCells;

/// <summary>
/// Three operation choices of three options each (27 architectures), summed. The black-box tests score its static
/// <see cref="Space"/> from a table and never build the module.
/// </summary>
public sealed class TableCell : HandWrittenCell
{
    private readonly nn.Module<Tensor, Tensor>[][] candidates;

    public TableCell() : base(nameof(TableCell))
    {
        candidates = new nn.Module<Tensor, Tensor>[3][];
        for (int c = 0; c < candidates.Length; c++)
        {
            candidates[c] = new[] { Candidates.Identity(), Candidates.Zero(), Candidates.Noise() };
            for (int o = 0; o < candidates[c].Length; o++)
                register_module($"{Space.Choices[c].Name}_{Space.Choices[c].Options[o]}", candidates[c][o]);
        }
    }

    public static CellSearchSpace Space { get; } = Describe("Tests.TableCell", shared: true,
        Operation("A", "Identity", "Zero", "Noise"),
        Operation("B", "Identity", "Zero", "Noise"),
        Operation("C", "Identity", "Zero", "Noise"));

    public override CellSearchSpace SearchSpace => Space;

    public override Tensor forward(Tensor x) =>
        ChooseOperation(0, candidates[0], x) + ChooseOperation(1, candidates[1], x) + ChooseOperation(2, candidates[2], x);
}
