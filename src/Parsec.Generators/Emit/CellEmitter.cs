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
    private const string Runtime = "global::Parsec.Supernet";

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
                if (member.Kind is ChoiceMemberKind.Operation or ChoiceMemberKind.Family) WriteBuild(writer, layout, member);
            writer.Line();
            foreach (var member in cell.Members)
            {
                switch (member.Kind)
                {
                    case ChoiceMemberKind.Operation:
                        writer.Line(member.Signature + " => " + Bank(member) + ".Forward(this, " + Supernet + ", " + member.ParameterNames[0] + ");");
                        break;
                    case ChoiceMemberKind.Family:
                        writer.Line(member.Signature + " => " + Bank(member) + ".Forward(this, " + Supernet + ", "
                            + member.ParameterNames[0] + ", " + member.ParameterNames[1] + ");");
                        break;
                    case ChoiceMemberKind.Input:
                        writer.Line(member.Signature + " => " + Supernet + ".SelectInputs(this, " + layout.ChoiceIndex(member) + ", "
                            + string.Join(", ", member.ParameterNames) + ")" + (member.ReturnsArray ? "" : "[0]") + ";");
                        break;
                    default:
                        writer.Line(member.Signature + " { get => " + layout.ArchitectureType + "." + member.Name + "Values["
                            + Supernet + ".ValueIndex(" + layout.ChoiceIndex(member) + ")]; }");
                        break;
                }
            }
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
        writer.Line("// The supernet's state and candidate banks are neither modules nor tensors, so TorchSharp's RegisterComponents");
        writer.Line("// (which registers module and tensor fields by reflection) never registers them: the Build methods register");
        writer.Line("// every candidate themselves, once.");
        writer.Line("private readonly " + Runtime + ".SupernetState " + Supernet + " = new " + Runtime + ".SupernetState(Space);");
        foreach (var member in layout.Cell.Members)
            if (member.Kind is ChoiceMemberKind.Operation or ChoiceMemberKind.Family)
                writer.Line("private readonly " + Runtime + ".CandidateBank " + Bank(member) + " = new " + Runtime + ".CandidateBank(Space, "
                    + layout.ChoiceIndex(member) + ");");
        writer.Line();
        writer.Line("/// <summary>The search space of this cell, <see cref=\"Space\"/>.</summary>");
        writer.Line("public " + CSharp.SearchSpace + ".CellSearchSpace SearchSpace => Space;");
        writer.Line();
        writer.Line("/// <summary>The architecture forward runs; setting one that does not fit <see cref=\"Space\"/> throws.</summary>");
        writer.Open("public " + CSharp.SearchSpace + ".CellArchitecture? Architecture");
        writer.Line("get => " + Supernet + ".Architecture;");
        writer.Line("set => " + Supernet + ".Architecture = value;");
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

    /// <summary>
    /// <c>Build{Member}</c>: creates every candidate and registers it through the member's bank (a family's takes the
    /// input index first, as the contract names it).
    /// </summary>
    private static void WriteBuild(IndentedWriter writer, CellLayout layout, ChoiceMemberModel member)
    {
        var set = layout.SetOf(member);
        bool family = member.Kind == ChoiceMemberKind.Family;
        // A candidate parameter named 'input' keeps its name; the index then takes another.
        string index = set.Parameters.Any(p => p.Name == "input") ? "inputIndex" : "input";
        var parameters = set.Parameters.Select(p => p.Declaration);
        writer.Line();
        if (family)
            writer.Line("/// <summary>Creates every candidate of <c>" + member.Name + "</c> for input <paramref name=\"" + index
                + "\"/> of <c>" + member.PerInput + "</c> and registers it as <c>" + member.Name
                + "_{Input}_{Candidate}</c>; call it once per input, in the constructor.</summary>");
        else
            writer.Line("/// <summary>Creates every candidate of <c>" + member.Name + "</c> and registers it as <c>" + member.Name
                + "_{Candidate}</c>; call it once, in the constructor.</summary>");
        writer.Open("private void Build" + member.Name + "("
            + string.Join(", ", family ? new[] { "int " + index }.Concat(parameters) : parameters) + ")");
        string arguments = string.Join(", ", set.Parameters.Select(p => p.Argument));
        for (int candidate = 0; candidate < set.Candidates.Count; candidate++)
            writer.Line(Bank(member) + ".Register(this, " + (family ? index + ", " : "") + candidate + ", "
                + set.TypeName + "." + set.Candidates[candidate] + "(" + arguments + "));");
        writer.Close();
    }

    /// <summary>The field holding a member's <c>CandidateBank</c>.</summary>
    private static string Bank(ChoiceMemberModel member) => "parsec" + member.Name;
}
