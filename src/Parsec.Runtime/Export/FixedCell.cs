using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Parsec.SearchSpace;
using Parsec.Supernet;

namespace Parsec.Export;

/// <summary>A cell's search space with one architecture chosen: which candidate modules it keeps, and which it drops.</summary>
internal sealed class FixedCell
{
    public FixedCell(CellSearchSpace space, CellArchitecture architecture)
    {
        Space = space;
        Architecture = architecture;
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

    /// <summary>The choice members (a family once), in declaration order.</summary>
    public IEnumerable<string> Members => Space.Choices.Select(choice => choice.Member).Distinct();

    /// <summary>The candidate modules the fixed cell builds.</summary>
    public ImmutableArray<ChosenModule> Kept { get; }

    /// <summary>The supernet's candidate module names the fixed cell does not have.</summary>
    public ImmutableHashSet<string> Dropped { get; }

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
