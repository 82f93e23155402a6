using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Parsec.SearchSpace;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests.TestCells;

/// <summary>
/// What the generator will emit for a cell, written by hand per docs/architecture.md: a validated architecture, a
/// relaxation, and selected or relaxed forwards of operation and input choices.
/// </summary>
public abstract class HandWrittenCell : nn.Module<Tensor, Tensor>, ISearchCell
{
    private CellArchitecture? architecture;

    protected HandWrittenCell(string name) : base(name)
    {
    }

    public abstract CellSearchSpace SearchSpace { get; }

    public CellArchitecture? Architecture
    {
        get => architecture;
        set
        {
            value?.Validate(SearchSpace);
            architecture = value;
        }
    }

    public IRelaxation? Relaxation { get; set; }

    /// <summary>A search space of one cell type with placeholder source (the tests never export).</summary>
    protected static CellSearchSpace Describe(string cellType, bool shared, params Choice[] choices) =>
        new(cellType, shared, choices.ToImmutableArray(),
            new SourceCapture(null, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, $"class {cellType}", ImmutableArray<string>.Empty));

    protected static Choice Operation(string name, params string[] candidates) =>
        new(name, ChoiceKind.Operation, candidates.ToImmutableArray());

    protected static Choice Input(string name, int count, bool distinct, params string[] inputs) =>
        new(name, ChoiceKind.Input, inputs.ToImmutableArray(), count, distinct);

    /// <summary>The selected candidate's output, or Σ_o w[o] m_o(x) under a relaxation.</summary>
    protected Tensor ChooseOperation(int choice, IReadOnlyList<nn.Module<Tensor, Tensor>> candidates, Tensor x)
    {
        if (Relaxation is null) return candidates[Selection(choice)[0]].forward(x);
        var weights = Relaxation.OperationWeights(this, choice, 0);
        return candidates.Select((candidate, o) => ActivationLedger.Record(weights[o] * candidate.forward(x)))
            .Aggregate((a, b) => ActivationLedger.Record(a + b));
    }

    /// <summary>The selected inputs in slot order, or per slot Σ_j w[j] input_j under a relaxation.</summary>
    protected Tensor[] ChooseInputs(int choice, params Tensor[] inputs)
    {
        int count = SearchSpace.Choices[choice].Count;
        if (Relaxation is null) return Selection(choice).Select(index => inputs[index]).ToArray();
        return Enumerable.Range(0, count).Select(slot =>
        {
            var weights = Relaxation.InputWeights(this, choice, slot);
            return inputs.Select((input, j) => ActivationLedger.Record(weights[j] * input))
                .Aggregate((a, b) => ActivationLedger.Record(a + b));
        }).ToArray();
    }

    protected ImmutableArray<int> Selection(int choice) =>
        (Architecture ?? throw new InvalidOperationException($"Set Architecture or Relaxation on {SearchSpace.CellType} before forward."))
        .Selections[choice];
}
