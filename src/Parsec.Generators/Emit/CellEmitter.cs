using System.Linq;
using Parsec.Generators.Model;

namespace Parsec.Generators.Emit;

/// <summary>
/// Writes the generated half of a search cell: <c>ISearchCell</c>, the <c>Space</c> descriptor, the
/// <c>Build{Member}</c> methods, the choice members' implementations (selected and relaxed forward) and the typed
/// architecture next to the cell.
/// </summary>
internal static class CellEmitter
{
    private const string Supernet = "parsecSupernet";

    public static string HintName(CellModel cell) => cell.FullName + ".SearchCell.g.cs";

    public static string Emit(CellModel cell)
    {
        var layout = new CellLayout(cell);
        return FileFrame.Write("[SearchCell] " + cell.FullName, cell.Namespace, cell.ContainingTypes, writer =>
        {
            writer.Open("partial " + cell.Keyword + " " + cell.Name + " : " + CSharp.SearchSpace + ".ISearchCell");
            WriteSearchCell(writer, layout);
            SpaceEmitter.Write(writer, layout);
            foreach (var member in cell.Members)
            {
                if (member.Kind == ChoiceMemberKind.Operation) WriteBuild(writer, layout, member);
                if (member.Kind == ChoiceMemberKind.Family) WriteFamilyBuild(writer, layout, member);
            }
            foreach (var member in cell.Members)
            {
                writer.Line();
                switch (member.Kind)
                {
                    case ChoiceMemberKind.Operation: WriteOperation(writer, layout, member); break;
                    case ChoiceMemberKind.Family: WriteFamily(writer, layout, member); break;
                    case ChoiceMemberKind.Input: WriteInput(writer, layout, member); break;
                    default: WriteValue(writer, layout, member); break;
                }
            }
            SupernetHelpers.Write(writer, layout);
            writer.Close();
            writer.Line();
            ArchitectureEmitter.Write(writer, layout);
        });
    }

    private static void WriteSearchCell(IndentedWriter writer, CellLayout layout)
    {
        string cellName = layout.Cell.Name;
        writer.Line("/// <summary>The search space of <see cref=\"" + cellName + "\"/>: its choices, their candidates and the cell's source.</summary>");
        writer.Line("public static " + CSharp.SearchSpace + ".CellSearchSpace Space { get; } = CreateParsecSpace();");
        writer.Line();
        writer.Line("// The candidates, the architecture and the relaxation live in one object that is neither a module nor a");
        writer.Line("// tensor, so that TorchSharp's RegisterComponents (which registers module and tensor fields by reflection)");
        writer.Line("// never registers them: the Build methods register every candidate themselves, once.");
        writer.Line("private readonly ParsecSupernet " + Supernet + " = new ParsecSupernet();");
        writer.Line();
        writer.Line("/// <summary>The search space of this cell, <see cref=\"Space\"/>.</summary>");
        writer.Line("public " + CSharp.SearchSpace + ".CellSearchSpace SearchSpace => Space;");
        writer.Line();
        writer.Line("/// <summary>The architecture forward runs; setting one that does not fit <see cref=\"Space\"/> throws.</summary>");
        writer.Open("public " + CSharp.SearchSpace + ".CellArchitecture? Architecture");
        writer.Line("get => " + Supernet + ".Architecture;");
        writer.Open("set");
        writer.Line("value?.Validate(Space);");
        writer.Line(Supernet + ".Architecture = value;");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>When set, forward runs the continuous relaxation: a weighted sum over every candidate and input.</summary>");
        writer.Open("public " + CSharp.SearchSpace + ".IRelaxation? Relaxation");
        writer.Line("get => " + Supernet + ".Relaxation;");
        writer.Line("set => " + Supernet + ".Relaxation = value;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary><see cref=\"Architecture\"/>, typed; null when none is set.</summary>");
        writer.Open("public " + layout.ArchitectureType + "? SelectedArchitecture");
        writer.Line("get => " + Supernet + ".Architecture is { } architecture ? " + layout.ArchitectureType + ".FromCellArchitecture(architecture) : null;");
        writer.Line("set => Architecture = value?.ToCellArchitecture();");
        writer.Close();
        writer.Line();
    }

    private static void WriteBuild(IndentedWriter writer, CellLayout layout, ChoiceMemberModel member)
    {
        var set = layout.SetOf(member);
        writer.Line();
        writer.Line("/// <summary>Creates every candidate of <c>" + member.Name + "</c> and registers it as <c>" + member.Name
            + "_{Candidate}</c>; call it once, in the constructor.</summary>");
        writer.Open("private void Build" + member.Name + "(" + string.Join(", ", set.Parameters.Select(p => p.Declaration)) + ")");
        string arguments = string.Join(", ", set.Parameters.Select(p => p.Argument));
        for (int candidate = 0; candidate < set.Candidates.Count; candidate++)
            writer.Line("ParsecRegister(" + Supernet + "." + member.Name + ", " + candidate + ", "
                + CSharp.StringLiteral(member.Name + "_" + set.Candidates[candidate]) + ", "
                + set.TypeName + "." + set.Candidates[candidate] + "(" + arguments + "));");
        writer.Close();
    }

    private static void WriteFamilyBuild(IndentedWriter writer, CellLayout layout, ChoiceMemberModel member)
    {
        var set = layout.SetOf(member);
        var input = layout.InputOf(member);
        // The contract names the input index 'input'; a candidate parameter of that name keeps it.
        string index = set.Parameters.Any(p => p.Name == "input") ? "inputIndex" : "input";
        int candidates = set.Candidates.Count;
        writer.Line();
        writer.Line("/// <summary>Creates every candidate of <c>" + member.Name + "</c> for input <paramref name=\"" + index
            + "\"/> of <c>" + input.Name + "</c> and registers it as <c>" + member.Name
            + "_{Input}_{Candidate}</c>; call it once per input, in the constructor.</summary>");
        writer.Open("private void Build" + member.Name + "(" + string.Join(", ", new[] { "int " + index }.Concat(set.Parameters.Select(p => p.Declaration))) + ")");
        writer.Line("var parsecInput = ParsecInputName(" + layout.ChoiceIndex(input) + ", " + index + ", " + CSharp.StringLiteral("Build" + member.Name) + ");");
        string arguments = string.Join(", ", set.Parameters.Select(p => p.Argument));
        for (int candidate = 0; candidate < candidates; candidate++)
            writer.Line("ParsecRegister(" + Supernet + "." + member.Name + ", " + index + " * " + candidates + " + " + candidate + ", "
                + CSharp.StringLiteral(member.Name + "_") + " + parsecInput + " + CSharp.StringLiteral("_" + set.Candidates[candidate]) + ", "
                + set.TypeName + "." + set.Candidates[candidate] + "(" + arguments + "));");
        writer.Close();
    }

    private static void WriteOperation(IndentedWriter writer, CellLayout layout, ChoiceMemberModel member)
    {
        var set = layout.SetOf(member);
        int choice = layout.ChoiceIndex(member);
        string x = member.ParameterNames[0];
        string modules = Supernet + "." + member.Name;
        writer.Open(member.Signature);
        writer.Line("ParsecRequireBuilt(" + modules + ", " + CSharp.StringLiteral(BuildCall(member, set)) + ");");
        writer.Line("return " + Supernet + ".Relaxation is { } parsecRelaxation");
        writer.Indent();
        writer.Line("? ParsecMix(parsecRelaxation, " + choice + ", 0, " + modules + ", 0, " + set.Candidates.Count + ", " + x + ", null)");
        writer.Line(": " + modules + "[ParsecRequireArchitecture()[" + choice + "]]!.call(" + x + ");");
        writer.Unindent();
        writer.Close();
    }

    private static void WriteFamily(IndentedWriter writer, CellLayout layout, ChoiceMemberModel member)
    {
        var set = layout.SetOf(member);
        var input = layout.InputOf(member);
        int inputs = input.InputNames.Count;
        int candidates = set.Candidates.Count;
        string slot = member.ParameterNames[0];
        string x = member.ParameterNames[1];
        string choice = layout.ChoiceIndex(member) == 0 ? slot : layout.ChoiceIndex(member) + " + " + slot;
        string modules = Supernet + "." + member.Name;
        string outputs = Supernet + "." + member.Name + "Outputs";
        string inputsFirst = "ParsecInputsFirst(" + CSharp.StringLiteral(input.Name) + ", " + CSharp.StringLiteral(member.Name) + ")";
        writer.Open(member.Signature);
        writer.Line("ParsecRequireBuilt(" + modules + ", " + CSharp.StringLiteral(BuildCall(member, set) + " for every input from 0 to " + (inputs - 1)) + ");");
        writer.Line("if ((uint)" + slot + " >= " + member.Count + "u)");
        writer.Indent();
        writer.Line("throw new global::System.ArgumentOutOfRangeException(nameof(" + slot + "), " + slot + ", "
            + CSharp.StringLiteral(member.Name + " has " + member.Count + " slot(s), one per input " + input.Name + " chooses.") + ");");
        writer.Unindent();
        writer.Open("if (" + Supernet + ".Relaxation is { } parsecRelaxation)");
        writer.Line("var parsecInputs = " + Supernet + "." + input.Name + "Tensors ?? throw " + inputsFirst + ";");
        writer.Line("var parsecInputWeights = parsecRelaxation.InputWeights(this, " + layout.ChoiceIndex(input) + ", " + slot + ");");
        writer.Line("var parsecSum = parsecInputWeights[0] * ParsecMix(parsecRelaxation, " + choice + ", 0, " + modules + ", 0, "
            + candidates + ", parsecInputs[0], " + outputs + ");");
        writer.Line("for (int parsecInput = 1; parsecInput < " + inputs + "; parsecInput++)");
        writer.Indent();
        writer.Line("parsecSum = parsecSum + parsecInputWeights[parsecInput] * ParsecMix(parsecRelaxation, " + choice + ", parsecInput, "
            + modules + ", parsecInput * " + candidates + ", " + candidates + ", parsecInputs[parsecInput], " + outputs + ");");
        writer.Unindent();
        writer.Line("return parsecSum;");
        writer.Close();
        writer.Line("var parsecSelection = " + Supernet + "." + input.Name + "Selection;");
        writer.Line("if (parsecSelection.IsDefault) throw " + inputsFirst + ";");
        writer.Line("return " + modules + "[parsecSelection[" + slot + "] * " + candidates + " + ParsecRequireArchitecture()[" + choice + "]]!.call(" + x + ");");
        writer.Close();
    }

    private static void WriteInput(IndentedWriter writer, CellLayout layout, ChoiceMemberModel member)
    {
        int choice = layout.ChoiceIndex(member);
        var families = layout.FamiliesOf(member).ToList();
        writer.Open(member.Signature);
        writer.Line("var parsecInputs = new " + CSharp.Tensor + "[] { " + string.Join(", ", member.ParameterNames) + " };");
        if (families.Count > 0)
        {
            writer.Line(Supernet + "." + member.Name + "Tensors = parsecInputs;");
            foreach (var family in families)
                writer.Line("global::System.Array.Clear(" + Supernet + "." + family.Name + "Outputs, 0, "
                    + Supernet + "." + family.Name + "Outputs.Length);");
        }
        writer.Line("if (" + Supernet + (families.Count > 0 ? ".Relaxation is not null)" : ".Relaxation is { } parsecRelaxation)"));
        writer.Indent();
        writer.Line("return " + Slots(member, slot => families.Count > 0
            ? "parsecInputs[" + slot + "]"
            : "ParsecMixInputs(parsecRelaxation, " + choice + ", " + slot + ", parsecInputs)") + ";");
        writer.Unindent();
        writer.Line("var parsecSelection = ParsecRequireArchitecture().Selections[" + choice + "];");
        if (families.Count > 0) writer.Line(Supernet + "." + member.Name + "Selection = parsecSelection;");
        writer.Line("return " + Slots(member, slot => "parsecInputs[parsecSelection[" + slot + "]]") + ";");
        writer.Close();
    }

    private static void WriteValue(IndentedWriter writer, CellLayout layout, ChoiceMemberModel member)
    {
        string values = layout.ArchitectureType + "." + member.Name + "Values";
        writer.Open(member.Signature);
        writer.Line("get => " + Supernet + ".Architecture is { } parsecArchitecture");
        writer.Indent();
        writer.Line("? " + values + "[parsecArchitecture[" + layout.ChoiceIndex(member) + "]]");
        writer.Line(": " + Supernet + ".Relaxation is not null ? " + values + "[0] : throw ParsecNoArchitecture();");
        writer.Unindent();
        writer.Close();
    }

    /// <summary>An input choice's result: one tensor, or an array of one tensor per slot.</summary>
    private static string Slots(ChoiceMemberModel input, System.Func<int, string> slot) =>
        input.ReturnsArray
            ? "new " + CSharp.Tensor + "[] { " + string.Join(", ", Enumerable.Range(0, input.Count).Select(slot)) + " }"
            : slot(0);

    private static string BuildCall(ChoiceMemberModel member, CandidateSetModel set) =>
        "Build" + member.Name + "(" + string.Join(", ", (member.Kind == ChoiceMemberKind.Family ? new[] { "input" } : new string[0])
            .Concat(set.Parameters.Select(p => p.Name))) + ")";
}
