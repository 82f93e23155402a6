using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Parsec.SearchSpace;
using static TorchSharp.torch;

namespace Parsec.Supernet;

/// <summary>
/// Which options of each operation choice run no trainable weights (pooling, identity, zero), read from the
/// candidate modules the cells register (<see cref="CandidateModuleName"/>). In a per-input family the answer can
/// depend on the input (DARTS' skip connection is an identity at stride 1 but a convolution at stride 2), so it is
/// asked of a slot under an architecture, whose input choice says which input the slot reads.
/// </summary>
public sealed class ParameterFreeOptions
{
    // [group][choice][input row][option]: one row for a plain operation choice, one per input for a family member,
    // and all false for input and value choices.
    private readonly ImmutableArray<ImmutableArray<ImmutableArray<ImmutableArray<bool>>>> flags;
    private readonly ImmutableArray<CellSearchSpace> spaces;

    private ParameterFreeOptions(ImmutableArray<CellSearchSpace> spaces, ImmutableArray<ImmutableArray<ImmutableArray<ImmutableArray<bool>>>> flags)
    {
        this.spaces = spaces;
        this.flags = flags;
    }

    /// <summary>Reads the options of every choice of <paramref name="space"/> from the first cell of each group.</summary>
    /// <exception cref="System.ArgumentException"><paramref name="space"/> has no model (<see cref="ModelSearchSpace.OfCells"/>).</exception>
    public static ParameterFreeOptions Of(ModelSearchSpace space)
    {
        if (!space.HasModel)
            throw new System.ArgumentException(
                "Which options hold no parameters is read from the cells' modules: build the space with ModelSearchSpace.Of(model).",
                nameof(space));
        return new(space.Groups.Select(group => group.Space).ToImmutableArray(),
            space.Groups.Select(group => Read(group.Space, group.Cells[0])).ToImmutableArray());
    }

    /// <summary>
    /// Whether option <paramref name="option"/> of choice <paramref name="choice"/> of group <paramref name="group"/>
    /// has no parameters, for a family slot on the input <paramref name="architecture"/> chose for it.
    /// </summary>
    public bool IsParameterFree(int group, CellArchitecture architecture, int choice, int option) =>
        Row(group, architecture, choice)[option];

    /// <summary>Whether the choice offers both kinds of option there, so a derivation can trade one for the other.</summary>
    public bool IsMixed(int group, CellArchitecture architecture, int choice)
    {
        var row = Row(group, architecture, choice);
        return row.Contains(true) && row.Contains(false);
    }

    private ImmutableArray<bool> Row(int group, CellArchitecture architecture, int choice)
    {
        var space = spaces[group];
        var described = space.Choices[choice];
        int input = described.PerInput is null ? 0 : architecture.Selections[space.IndexOf(described.PerInput)][described.Slot];
        return flags[group][choice][input];
    }

    private static ImmutableArray<ImmutableArray<ImmutableArray<bool>>> Read(CellSearchSpace space, ISearchCell cell)
    {
        // The cell's direct submodules that hold a parameter; a candidate module is one of them or has none.
        var withParameters = cell is nn.Module module
            ? module.named_parameters().Select(parameter => FirstSegment(parameter.name)).ToHashSet()
            : new HashSet<string>();
        return space.Choices.Select(choice =>
        {
            if (choice.Kind != ChoiceKind.Operation)
                return ImmutableArray.Create(ImmutableArray.CreateRange(choice.Options.Select(_ => false)));
            // A family has a module per input; a plain operation choice one row with no input.
            IEnumerable<string?> inputs = choice.PerInput is null
                ? new string?[] { null }
                : space.Choices[space.IndexOf(choice.PerInput)].Options;
            return inputs.Select(input => ImmutableArray.CreateRange(choice.Options.Select(option => !withParameters.Contains(
                    input is null ? CandidateModuleName.Of(choice.Member, option) : CandidateModuleName.Of(choice.Member, input, option)))))
                .ToImmutableArray();
        }).ToImmutableArray();
    }

    private static string FirstSegment(string name)
    {
        int dot = name.IndexOf('.');
        return dot < 0 ? name : name[..dot];
    }
}
