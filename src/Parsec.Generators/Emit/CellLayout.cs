using System.Collections.Generic;
using Parsec.Generators.Model;

namespace Parsec.Generators.Emit;

/// <summary>
/// Derived facts about a cell the emitters share: each member's index in <c>CellSearchSpace.Choices</c>, the
/// names of the generated enums and types, each member's property type in the typed architecture.
/// </summary>
internal sealed class CellLayout
{
    private readonly int[] choiceIndex;
    private readonly string[] propertyTypes;
    private readonly string?[] elementTypes;

    public CellLayout(CellModel cell)
    {
        Cell = cell;
        var members = cell.Members;
        ArchitectureName = cell.Name + "Architecture";
        ArchitectureType = cell.TypeName.Substring(0, cell.TypeName.Length - cell.Name.Length) + ArchitectureName;
        SpaceReference = cell.TypeName + ".Space";
        SetEnumNames = EnumNames(cell);
        choiceIndex = new int[members.Count];
        propertyTypes = new string[members.Count];
        elementTypes = new string?[members.Count];
        int index = 0;
        for (int i = 0; i < members.Count; i++)
        {
            var member = members[i];
            choiceIndex[i] = index;
            index += member.Kind == ChoiceMemberKind.Family ? member.Count : 1;
            string? element = member.Kind switch
            {
                ChoiceMemberKind.Operation or ChoiceMemberKind.Family => ArchitectureType + "." + SetEnumNames[member.SetIndex],
                ChoiceMemberKind.Input => ArchitectureType + "." + InputEnumName(member),
                _ => null,
            };
            bool array = member.Kind == ChoiceMemberKind.Family || member.Kind == ChoiceMemberKind.Input && member.Count > 1;
            elementTypes[i] = element;
            propertyTypes[i] = element is null ? member.ValueType : array ? CSharp.ImmutableArray + "<" + element + ">" : element;
        }
    }

    public CellModel Cell { get; }

    /// <summary>The typed architecture's simple name, <c>{Cell}Architecture</c>.</summary>
    public string ArchitectureName { get; }

    /// <summary>The typed architecture's fully qualified name with <c>global::</c>.</summary>
    public string ArchitectureType { get; }

    /// <summary>The cell's <c>Space</c> property, fully qualified.</summary>
    public string SpaceReference { get; }

    /// <summary>The name of each candidate set's enum inside the architecture, aligned with <see cref="CellModel.Sets"/>.</summary>
    public IReadOnlyList<string> SetEnumNames { get; }

    /// <summary>The index of the (first) choice of member <paramref name="member"/> (its index in <see cref="CellModel.Members"/>) in the descriptor.</summary>
    public int ChoiceIndex(int member) => choiceIndex[member];

    /// <summary>The type of member <paramref name="member"/>'s property in the typed architecture.</summary>
    public string PropertyType(int member) => propertyTypes[member];

    /// <summary>The enum of member <paramref name="member"/>'s options (an element of its property when that is an array); null for a value choice.</summary>
    public string? ElementType(int member) => elementTypes[member];

    public CandidateSetModel SetOf(ChoiceMemberModel member) => Cell.Sets[member.SetIndex];

    /// <summary>The enum of an input choice's inputs.</summary>
    public static string InputEnumName(ChoiceMemberModel input) => input.Name + "Option";

    /// <summary>
    /// A candidate set's enum is the set's name with "Candidate" appended, so that inside the architecture it does not
    /// hide the set's own class; a clash with another set or a member gets a number.
    /// </summary>
    private static IReadOnlyList<string> EnumNames(CellModel cell)
    {
        var taken = new HashSet<string> { cell.Name + "Architecture" };
        foreach (var member in cell.Members)
        {
            taken.Add(member.Name);
            if (member.Kind == ChoiceMemberKind.Input) taken.Add(InputEnumName(member));
        }
        var names = new List<string>();
        foreach (var set in cell.Sets)
        {
            string name = set.FullName.Substring(set.FullName.LastIndexOf('.') + 1) + "Candidate";
            string unique = name;
            for (int suffix = 2; taken.Contains(unique); suffix++) unique = name + suffix;
            taken.Add(unique);
            names.Add(unique);
        }
        return names;
    }
}
