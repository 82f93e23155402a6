using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Parsec.SearchSpace;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests.TestCells;

/// <summary>
/// A DARTS node: two distinct inputs out of three (<c>[B, 3, D]</c>), each through an operation of the per-input
/// family Op (weights kept per input and candidate, shared by both slots); the node sums the two slots.
/// </summary>
public sealed class NodeCell : HandWrittenCell
{
    private readonly nn.Module<Tensor, Tensor>[][] candidates;

    public NodeCell(int width) : base(nameof(NodeCell))
    {
        var inputs = Space.Choices[0].Options;
        candidates = inputs.Select(input => new[] { Candidates.Dense(width, nn.ReLU()), Candidates.Zero() }).ToArray();
        for (int j = 0; j < inputs.Length; j++)
        {
            register_module($"Op_{inputs[j]}_Dense", candidates[j][0]);
            register_module($"Op_{inputs[j]}_Zero", candidates[j][1]);
        }
    }

    public static CellSearchSpace Space { get; } = Describe("Tests.NodeCell", shared: true,
        Input("Inputs", 2, distinct: true, "s0", "s1", "s2"),
        new Choice("Op[0]", ChoiceKind.Operation, ImmutableArray.Create("Dense", "Zero"), Member: "Op", Slot: 0, PerInput: "Inputs"),
        new Choice("Op[1]", ChoiceKind.Operation, ImmutableArray.Create("Dense", "Zero"), Member: "Op", Slot: 1, PerInput: "Inputs"));

    public override CellSearchSpace SearchSpace => Space;

    public override Tensor forward(Tensor x)
    {
        var inputs = new[] { x[.., 0], x[.., 1], x[.., 2] };
        if (Relaxation is null)
        {
            var chosen = Selection(0);
            return Enumerable.Range(0, 2)
                .Select(slot => candidates[chosen[slot]][Selection(1 + slot)[0]].forward(inputs[chosen[slot]]))
                .Aggregate((a, b) => a + b);
        }
        // m_{j,o}(input_j) is computed once and shared by both slots.
        var outputs = new Dictionary<(int, int), Tensor>();
        Tensor Output(int j, int o) => outputs.TryGetValue((j, o), out var y) ? y : outputs[(j, o)] = candidates[j][o].forward(inputs[j]);
        return Enumerable.Range(0, 2).Select(slot =>
        {
            var inputWeights = Relaxation.InputWeights(this, 0, slot);
            return Enumerable.Range(0, inputs.Length).Select(j =>
            {
                var operationWeights = Relaxation.OperationWeights(this, 1 + slot, j);
                return inputWeights[j] * (operationWeights[0] * Output(j, 0) + operationWeights[1] * Output(j, 1));
            }).Aggregate((a, b) => a + b);
        }).Aggregate((a, b) => a + b);
    }
}
