using System;
using System.Collections.Immutable;
using System.Linq;
using Parsec.SearchSpace;
using static TorchSharp.torch;

namespace Parsec.Supernet;

/// <summary>
/// What a search cell's forward runs: the architecture or the relaxation, and the inputs each input choice took
/// in the current forward (a per-input family reads them). Together with one <see cref="CandidateBank"/> per
/// operation choice it implements a cell's choice members; generated cells use it, and so can hand-written
/// <see cref="ISearchCell"/> implementations.
/// </summary>
/// <remarks>
/// Keep it in a field of the cell: it is neither a module nor a tensor, so TorchSharp's <c>RegisterComponents</c>
/// does not register it, whichever runs first.
/// </remarks>
public sealed class SupernetState
{
    private readonly Tensor[]?[] inputs;
    private readonly ImmutableArray<int>[] selections;
    private readonly int[] inputCalls;
    private readonly bool[] feedsFamily;
    private CellArchitecture? architecture;

    /// <summary>Creates the state of a cell whose search space is <paramref name="space"/>.</summary>
    public SupernetState(CellSearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        Space = space;
        CellName = ShortName(space);
        int count = space.Choices.Length;
        inputs = new Tensor[]?[count];
        selections = new ImmutableArray<int>[count];
        inputCalls = new int[count];
        feedsFamily = space.Choices.Select(choice => choice.Kind == ChoiceKind.Input
            && space.Choices.Any(other => other.PerInput == choice.Name)).ToArray();
    }

    /// <summary>The cell's search space.</summary>
    public CellSearchSpace Space { get; }

    /// <summary>The architecture forward runs; setting one that does not fit <see cref="Space"/> throws.</summary>
    public CellArchitecture? Architecture
    {
        get => architecture;
        set
        {
            value?.Validate(Space);
            architecture = value;
        }
    }

    /// <summary>When set, forward runs the continuous relaxation instead of <see cref="Architecture"/>.</summary>
    public IRelaxation? Relaxation { get; set; }

    /// <summary>The cell's type name without namespace, for messages.</summary>
    internal string CellName { get; }

    /// <summary><see cref="Architecture"/>, or an <see cref="InvalidOperationException"/> saying what to set.</summary>
    public CellArchitecture RequireArchitecture() => architecture ?? throw NoArchitecture();

    /// <summary>The index of the value a value choice runs: the architecture's, or the first under a relaxation.</summary>
    public int ValueIndex(int choice) =>
        architecture is { } chosen ? chosen[choice] : Relaxation is not null ? 0 : throw NoArchitecture();

    /// <summary>
    /// Input choice <paramref name="choice"/> applied to <paramref name="candidates"/>: one tensor per slot. Selected,
    /// the chosen inputs in slot order; relaxed, each slot's weighted sum <c>sum_j w[j] * input_j</c>, or, when a
    /// per-input family mixes this choice's inputs itself, the inputs unweighted. Call it once per forward, before
    /// the families that read it.
    /// </summary>
    public Tensor[] SelectInputs(ISearchCell cell, int choice, params Tensor[] candidates)
    {
        int slots = Space.Choices[choice].Count;
        inputs[choice] = candidates;
        inputCalls[choice]++;
        var result = new Tensor[slots];
        if (Relaxation is { } relaxation)
        {
            for (int slot = 0; slot < slots; slot++)
                result[slot] = feedsFamily[choice] ? candidates[slot] : RelaxedSum.OfInputs(relaxation.InputWeights(cell, choice, slot), candidates);
            return result;
        }
        var selection = RequireArchitecture().Selections[choice];
        selections[choice] = selection;
        for (int slot = 0; slot < slots; slot++) result[slot] = candidates[selection[slot]];
        return result;
    }

    /// <summary>The inputs input choice <paramref name="choice"/> took last, or null before its first call.</summary>
    internal Tensor[]? InputsOf(int choice) => inputs[choice];

    /// <summary>The selection input choice <paramref name="choice"/> made last; default before any selected forward.</summary>
    internal ImmutableArray<int> SelectionOf(int choice) => selections[choice];

    /// <summary>How often input choice <paramref name="choice"/> was called: a new value means a new forward.</summary>
    internal int InputCallsOf(int choice) => inputCalls[choice];

    private InvalidOperationException NoArchitecture() =>
        new(CellName + " has neither an architecture nor a relaxation: set Architecture (or SelectedArchitecture) to run one"
            + " architecture, or Relaxation to run the continuous relaxation.");

    /// <summary>A cell's type name without namespace or containing types, as messages name it.</summary>
    internal static string ShortName(CellSearchSpace space) =>
        space.CellType.Substring(space.CellType.LastIndexOfAny(new[] { '.', '+' }) + 1);
}
