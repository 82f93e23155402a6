using System.Collections.Generic;
using System.Linq;
using Parsec.Generators.Model;

namespace Parsec.Generators.Emit;

/// <summary>
/// Derived facts about a cell the emitters share: each member's index in <c>CellSearchSpace.Choices</c>, the
/// names of the generated enums and types.
/// </summary>
internal sealed class CellLayout
{
    private readonly Dictionary<string, int> choiceIndex = new();

    public CellLayout(CellModel cell)
    {
        Cell = cell;
        int index = 0;
        foreach (var member in cell.Members)
        {
            choiceIndex[member.Name] = index;
            index += member.Kind == ChoiceMemberKind.Family ? member.Count : 1;
        }
        ChoiceCount = index;
        ArchitectureName = cell.Name + "Architecture";
        ArchitectureType = cell.TypeName.Substring(0, cell.TypeName.Length - cell.Name.Length) + ArchitectureName;
        SetEnumNames = EnumNames(cell);
    }

    public CellModel Cell { get; }

    /// <summary>The number of <c>Choice</c> entries in the descriptor (families expanded).</summary>
    public int ChoiceCount { get; }

    /// <summary>The typed architecture's simple name, <c>{Cell}Architecture</c>.</summary>
    public string ArchitectureName { get; }

    /// <summary>The typed architecture's fully qualified name with <c>global::</c>.</summary>
    public string ArchitectureType { get; }

    /// <summary>The name of each candidate set's enum inside the architecture, aligned with <see cref="CellModel.Sets"/>.</summary>
    public IReadOnlyList<string> SetEnumNames { get; }

    /// <summary>The index of a member's (first) choice in the descriptor.</summary>
    public int ChoiceIndex(ChoiceMemberModel member) => choiceIndex[member.Name];

    public CandidateSetModel SetOf(ChoiceMemberModel member) => Cell.Sets[member.SetIndex];

    /// <summary>The enum of an input choice's inputs.</summary>
    public static string InputEnumName(ChoiceMemberModel input) => input.Name + "Option";

    /// <summary>The type of a member's property in the typed architecture.</summary>
    public string PropertyType(ChoiceMemberModel member) => member.Kind switch
    {
        ChoiceMemberKind.Operation => ArchitectureType + "." + SetEnumNames[member.SetIndex],
        ChoiceMemberKind.Family => CSharp.ImmutableArray + "<" + ArchitectureType + "." + SetEnumNames[member.SetIndex] + ">",
        ChoiceMemberKind.Input when member.Count > 1 => CSharp.ImmutableArray + "<" + ArchitectureType + "." + InputEnumName(member) + ">",
        ChoiceMemberKind.Input => ArchitectureType + "." + InputEnumName(member),
        _ => member.ValueType,
    };

    /// <summary>A candidate set's enum is named after the set; a clash with another set or a member gets a suffix.</summary>
    private static IReadOnlyList<string> EnumNames(CellModel cell)
    {
        var taken = new HashSet<string>(cell.Members.Select(m => m.Name)) { cell.Name + "Architecture" };
        foreach (var member in cell.Members)
            if (member.Kind == ChoiceMemberKind.Input) taken.Add(InputEnumName(member));
        var names = new List<string>();
        foreach (var set in cell.Sets)
        {
            string name = set.FullName.Substring(set.FullName.LastIndexOf('.') + 1);
            string unique = name;
            for (int suffix = 2; taken.Contains(unique); suffix++) unique = name + "Candidate" + (suffix == 2 ? "" : suffix.ToString());
            taken.Add(unique);
            names.Add(unique);
        }
        return names;
    }
}
