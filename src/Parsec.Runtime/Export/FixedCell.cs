using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Parsec.SearchSpace;
using Parsec.Supernet;

namespace Parsec.Export;

/// <summary>
/// A cell's search space with one architecture chosen: which candidate modules it keeps, and which it drops; the
/// exported class's name, and the cell groups whose instances are of that class.
/// </summary>
internal sealed class FixedCell
{
    /// <param name="space">The cell's search space.</param>
    /// <param name="architecture">The architecture fixed.</param>
    /// <param name="className">The exported class's name: the cell type's, or with a suffix when unshared instances of the type chose differently.</param>
    /// <param name="groups">The cell groups that chose <paramref name="architecture"/>.</param>
    public FixedCell(CellSearchSpace space, CellArchitecture architecture, string className, IReadOnlyList<CellGroup> groups)
    {
        Space = space;
        Architecture = architecture;
        ClassName = className;
        Groups = groups;
        var kept = new List<ChosenModule>();
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in Members)
        {
            var choices = ChoicesOf(member);
            var first = choices[0];
            if (first.Kind != ChoiceKind.Operation) continue;
            var set = first.CandidateSet!;
            if (first.PerInput is null)
            {
                all.UnionWith(set.Candidates.Select(candidate => CandidateModuleName.Of(member, candidate)));
                kept.Add(new ChosenModule(CandidateModuleName.Of(member, Option(first)), member, set, Option(first)));
                continue;
            }
            var inputChoice = space.Choices[space.IndexOf(first.PerInput)];
            all.UnionWith(inputChoice.Options.SelectMany(input => set.Candidates.Select(candidate => CandidateModuleName.Of(member, input, candidate))));
            kept.AddRange(choices
                .Select(slot => (Input: InputOfSlot(first.PerInput, slot.Slot), Candidate: Option(slot)))
                .Distinct()
                .OrderBy(pair => pair.Input).ThenBy(pair => set.Candidates.IndexOf(pair.Candidate))
                .Select(pair => new ChosenModule(CandidateModuleName.Of(member, inputChoice.Options[pair.Input], pair.Candidate), member, set, pair.Candidate, pair.Input)));
        }
        Kept = kept.ToImmutableArray();
        Dropped = all.Except(kept.Select(module => module.Name)).ToImmutableHashSet(StringComparer.Ordinal);
    }

    public CellSearchSpace Space { get; }

    public CellArchitecture Architecture { get; }

    /// <summary>The cell type's name as declared (without namespace or containing types).</summary>
    public string TypeName => TypeNameOf(Space);

    /// <summary>The exported class's name; differs from <see cref="TypeName"/> when the type's unshared instances chose differently.</summary>
    public string ClassName { get; }

    /// <summary>The cell groups whose instances the exported class fixes.</summary>
    public IReadOnlyList<CellGroup> Groups { get; }

    /// <summary>The choice members (a family once), in declaration order.</summary>
    public IEnumerable<string> Members => Space.Choices.Select(choice => choice.Member).Distinct();

    /// <summary>The candidate modules the fixed cell builds.</summary>
    public ImmutableArray<ChosenModule> Kept { get; }

    /// <summary>The supernet's candidate module names the fixed cell does not have.</summary>
    public ImmutableHashSet<string> Dropped { get; }

    /// <summary>The name a cell type is declared with: its full name's last segment.</summary>
    public static string TypeNameOf(CellSearchSpace space) => space.CellType.Substring(space.CellType.LastIndexOfAny(['.', '+']) + 1);

    /// <summary>The choices of a member: one, or a family's slots in order.</summary>
    public IReadOnlyList<Choice> ChoicesOf(string member) => Space.Choices.Where(choice => choice.Member == member).ToList();

    /// <summary>The chosen option of a single-selection choice.</summary>
    public string Option(Choice choice) => choice.Options[Architecture[Space.IndexOf(choice.Name)]];

    /// <summary>The chosen inputs of an input choice, in slot order.</summary>
    public IReadOnlyList<string> Inputs(Choice choice) =>
        Architecture.Selections[Space.IndexOf(choice.Name)].Select(index => choice.Options[index]).ToList();

    /// <summary>The index of the input chosen for <paramref name="slot"/> of the input choice <paramref name="inputChoice"/>.</summary>
    public int InputOfSlot(string inputChoice, int slot) => Architecture.Selections[Space.IndexOf(inputChoice)][slot];
}
