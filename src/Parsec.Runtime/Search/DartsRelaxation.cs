using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Parsec.Data;
using Parsec.SearchSpace;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parsec.Search;

/// <summary>
/// DARTS's architecture parameters α behind <see cref="IRelaxation"/>: one α vector over the candidates of every
/// operation choice; for a per-input family, one per input of its input choice (shared by the family's slots, as
/// DARTS keeps one α per edge); one over the inputs of an input choice without a family. A family's input choice
/// mixes every input with weight 1/count, so a node sums each incoming edge once, like DARTS's MixedOp over all edges.
/// </summary>
public sealed class DartsRelaxation : IRelaxation
{
    private readonly ModelSearchSpace space;
    private readonly Dictionary<ISearchCell, int> groupOfCell = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(int Group, int Choice, int Input), Parameter> alphas = new();
    private readonly List<(int Group, int Choice, int Input)> keys = new();
    private readonly Device device;
    private readonly ScalarType dtype;

    /// <summary>Creates α = 1e-3 · N(0, 1) on <paramref name="device"/>, drawn from <paramref name="random"/>.</summary>
    public DartsRelaxation(ModelSearchSpace space, Device device, ScalarType dtype, SearchRandom random)
    {
        this.space = space;
        this.device = device;
        this.dtype = dtype;
        for (int g = 0; g < space.Groups.Length; g++)
        {
            foreach (var cell in space.Groups[g].Cells) groupOfCell[cell] = g;
            var choices = space.Groups[g].Space.Choices;
            for (int c = 0; c < choices.Length; c++)
            {
                var choice = choices[c];
                if (choice.Kind == ChoiceKind.Operation && choice.PerInput is null) Add((g, c, 0), choice.Options.Length);
                else if (choice.Kind == ChoiceKind.Operation && FamilyRoot(g, choice) == c)
                    for (int input = 0; input < InputChoiceOf(g, choice).Options.Length; input++) Add((g, c, input), choice.Options.Length);
                else if (choice.Kind == ChoiceKind.Input && FamilyOf(g, choice) < 0) Add((g, c, 0), choice.Options.Length);
            }
        }

        void Add((int, int, int) key, int width)
        {
            keys.Add(key);
            alphas[key] = new Parameter(tensor(Enumerable.Range(0, width).Select(_ => 1e-3 * random.NextGaussian()).ToArray(), float64)
                .to(dtype).to(device));
        }
    }

    /// <summary>Every α, in a fixed order (for the optimizer and checkpoints).</summary>
    public IReadOnlyList<Parameter> Parameters => keys.Select(key => alphas[key]).ToList();

    /// <inheritdoc />
    public Tensor OperationWeights(ISearchCell cell, int choice, int input)
    {
        int g = GroupOf(cell);
        var described = space.Groups[g].Space.Choices[choice];
        var key = described.PerInput is null ? (g, choice, 0) : (g, FamilyRoot(g, described), input);
        return alphas[key].softmax(0);
    }

    /// <inheritdoc />
    public Tensor InputWeights(ISearchCell cell, int choice, int slot)
    {
        int g = GroupOf(cell);
        var described = space.Groups[g].Space.Choices[choice];
        return FamilyOf(g, described) >= 0
            ? full(described.Options.Length, 1.0 / described.Count, dtype, device)
            : alphas[(g, choice, 0)].softmax(0);
    }

    /// <summary>
    /// The discrete architecture α prefers: the argmax of every operation choice; for an input choice, the
    /// <c>Count</c> inputs with the largest α (with a family: the inputs whose strongest softmax(α) weight is largest),
    /// and for each family slot the argmax of the chosen input's α. Value choices take their first value.
    /// </summary>
    public ModelArchitecture Derive()
    {
        var cells = ImmutableArray.CreateBuilder<CellArchitecture>(space.Groups.Length);
        for (int g = 0; g < space.Groups.Length; g++)
        {
            var choices = space.Groups[g].Space.Choices;
            var selections = new ImmutableArray<int>[choices.Length];
            for (int c = 0; c < choices.Length; c++)
            {
                var choice = choices[c];
                if (choice.Kind != ChoiceKind.Input) continue;
                int family = FamilyOf(g, choice);
                var strength = family < 0
                    ? Values((g, c, 0))
                    : Enumerable.Range(0, choice.Options.Length).Select(j => Softmax(Values((g, family, j))).Max()).ToArray();
                var ranked = Enumerable.Range(0, strength.Length).OrderByDescending(j => strength[j]).ThenBy(j => j);
                selections[c] = choice.Distinct
                    ? ranked.Take(choice.Count).ToImmutableArray()
                    : Enumerable.Repeat(ranked.First(), choice.Count).ToImmutableArray();
            }
            for (int c = 0; c < choices.Length; c++)
            {
                var choice = choices[c];
                if (choice.Kind == ChoiceKind.Value) selections[c] = ImmutableArray.Create(0);
                else if (choice.Kind == ChoiceKind.Operation) selections[c] = ImmutableArray.Create(ArgMax(Values(KeyOf(g, c, selections))));
            }
            cells.Add(new CellArchitecture(selections.ToImmutableArray()));
        }
        return new ModelArchitecture(cells.MoveToImmutable());
    }

    /// <summary>Σ log softmax(α)[chosen] over the operation choices of <paramref name="architecture"/>.</summary>
    public double LogWeight(ModelArchitecture architecture)
    {
        double total = 0;
        for (int g = 0; g < space.Groups.Length; g++)
        {
            var choices = space.Groups[g].Space.Choices;
            var selections = architecture.Cells[g].Selections.ToArray();
            for (int c = 0; c < choices.Length; c++)
                if (choices[c].Kind == ChoiceKind.Operation)
                    total += Math.Log(Softmax(Values(KeyOf(g, c, selections)))[selections[c][0]]);
        }
        return total;
    }

    /// <summary>softmax(α) of every α vector (a family's as <c>Member@input</c>).</summary>
    public IReadOnlyList<ChoiceSummary> Summaries() =>
        keys.Select(key =>
        {
            var choice = space.Groups[key.Group].Space.Choices[key.Choice];
            string name = choice.PerInput is null ? choice.Name : $"{choice.Member}@{InputChoiceOf(key.Group, choice).Options[key.Input]}";
            var probabilities = Softmax(Values(key));
            return new ChoiceSummary(space.Groups[key.Group].Key, name, choice.Options,
                ImmutableArray.Create(probabilities.ToImmutableArray()),
                -probabilities.Sum(p => p > 0 ? p * Math.Log(p) : 0));
        }).ToList();

    private (int, int, int) KeyOf(int g, int c, ImmutableArray<int>[] selections)
    {
        var choice = space.Groups[g].Space.Choices[c];
        if (choice.PerInput is null) return (g, c, 0);
        int inputChoice = space.Groups[g].Space.IndexOf(choice.PerInput);
        return (g, FamilyRoot(g, choice), selections[inputChoice][choice.Slot]);
    }

    private int GroupOf(ISearchCell cell) =>
        groupOfCell.TryGetValue(cell, out int g)
            ? g
            : throw new ArgumentException($"The cell {cell.SearchSpace.CellType} is not part of the searched model.", nameof(cell));

    /// <summary>The index of the first member (slot 0) of the family <paramref name="member"/> belongs to.</summary>
    private int FamilyRoot(int g, Choice member)
    {
        var choices = space.Groups[g].Space.Choices;
        for (int c = 0; c < choices.Length; c++)
            if (choices[c].Kind == ChoiceKind.Operation && choices[c].PerInput == member.PerInput && choices[c].Member == member.Member) return c;
        throw new InvalidOperationException($"No family member found for {member.Name}.");
    }

    /// <summary>The root of the family linked to input choice <paramref name="input"/>, or -1.</summary>
    private int FamilyOf(int g, Choice input)
    {
        var choices = space.Groups[g].Space.Choices;
        for (int c = 0; c < choices.Length; c++)
            if (choices[c].Kind == ChoiceKind.Operation && choices[c].PerInput == input.Name) return c;
        return -1;
    }

    private Choice InputChoiceOf(int g, Choice member)
    {
        var cellSpace = space.Groups[g].Space;
        int index = cellSpace.IndexOf(member.PerInput!);
        return index >= 0
            ? cellSpace.Choices[index]
            : throw new InvalidOperationException($"{cellSpace.CellType}.{member.Name} names input choice '{member.PerInput}', which does not exist.");
    }

    private double[] Values((int, int, int) key) => alphas[key].detach().to(float64).cpu().data<double>().ToArray();

    private static double[] Softmax(double[] values)
    {
        double max = values.Max();
        var exponentials = values.Select(v => Math.Exp(v - max)).ToArray();
        double sum = exponentials.Sum();
        return exponentials.Select(e => e / sum).ToArray();
    }

    private static int ArgMax(double[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
            if (values[i] > values[best]) best = i;
        return best;
    }
}
