using System;
using System.Collections.Generic;
using System.Linq;
using Parsec.SearchSpace;
using Parsec.Supernet;

namespace Parsec.Export;

/// <summary>
/// The fixed bodies of a cell's choice members, rendered with the choice templates: an operation calls its chosen
/// module, a family slot the module of the input chosen for that slot, an input choice returns the chosen inputs,
/// a value choice the chosen value; the Build methods build and register only the chosen modules.
/// </summary>
internal sealed class ChoiceMembers
{
    private readonly TemplateRenderer templates;
    private readonly Func<CandidateSetSource, string> setReference;

    /// <param name="templates">The renderer.</param>
    /// <param name="setReference">How the exported code names a candidate set (its nested name in the exported namespace).</param>
    public ChoiceMembers(TemplateRenderer templates, Func<CandidateSetSource, string> setReference)
    {
        this.templates = templates;
        this.setReference = setReference;
    }

    /// <summary>One rendered block per choice member of <paramref name="cell"/>, in declaration order.</summary>
    public IEnumerable<string> Render(FixedCell cell) => cell.Members.Select(member =>
    {
        var choices = cell.ChoicesOf(member);
        var first = choices[0];
        return first.Kind switch
        {
            ChoiceKind.Operation when first.PerInput is null => Operation(cell, first),
            ChoiceKind.Operation => Family(cell, member, choices),
            ChoiceKind.Input => Input(cell, first),
            _ => Value(cell, first),
        };
    });

    private string Operation(FixedCell cell, Choice choice)
    {
        var module = cell.Kept.Single(kept => kept.Member == choice.Member);
        var set = choice.CandidateSet!;
        return templates.Render("OperationChoice.scriban", new
        {
            choice.Member,
            choice.Declaration,
            SetName = setReference(set),
            TensorParameter = MemberText.ParameterNames(choice.Declaration).Last(),
            Module = Describe(module),
            BuildName = "Build" + choice.Member,
            set.Parameters,
            Arguments = string.Join(", ", set.ParameterNames),
        });
    }

    private string Family(FixedCell cell, string member, IReadOnlyList<Choice> slots)
    {
        var first = slots[0];
        var set = first.CandidateSet!;
        var inputChoice = cell.Space.Choices[cell.Space.IndexOf(first.PerInput!)];
        var modules = cell.Kept.Where(kept => kept.Member == member).ToList();
        var parameters = MemberText.ParameterNames(first.Declaration);
        return templates.Render("FamilyChoice.scriban", new
        {
            Member = member,
            first.Declaration,
            SetName = setReference(set),
            InputChoice = inputChoice.Name,
            SlotParameter = parameters[0],
            TensorParameter = parameters[1],
            Slots = slots.Select(slot =>
            {
                int input = cell.InputOfSlot(inputChoice.Name, slot.Slot);
                string candidate = cell.Option(slot);
                return new
                {
                    slot.Slot,
                    Input = inputChoice.Options[input],
                    Candidate = candidate,
                    Module = CandidateModuleName.Of(member, inputChoice.Options[input], candidate),
                };
            }).ToList(),
            Modules = modules.Select(Describe).ToList(),
            Inputs = modules.GroupBy(module => module.Input)
                .Select(group => new { Index = group.Key, Modules = group.Select(Describe).ToList() })
                .ToList(),
            BuildName = "Build" + member,
            set.Parameters,
            Arguments = string.Join(", ", set.ParameterNames),
        });
    }

    private string Input(FixedCell cell, Choice choice) => templates.Render("InputChoice.scriban", new
    {
        choice.Member,
        choice.Declaration,
        Selected = cell.Inputs(choice),
        choice.Options,
        ReturnsArray = MemberText.ReturnType(choice.Declaration, choice.Member).EndsWith("[]", StringComparison.Ordinal),
    });

    private string Value(FixedCell cell, Choice choice) => templates.Render("ValueChoice.scriban", new
    {
        choice.Member,
        choice.Declaration,
        Value = cell.Option(choice),
        choice.Options,
    });

    private object Describe(ChosenModule module) => new
    {
        module.Name,
        module.Candidate,
        module.FieldType,
        Factory = setReference(module.Set) + "." + module.Candidate,
    };
}
