using Parsec.Generators.Model;

namespace Parsec.Generators.Emit;

/// <summary>Writes the cell's <c>CreateParsecSpace</c> method, which builds the static <c>Space</c> descriptor.</summary>
internal static class SpaceEmitter
{
    private const string Choice = CSharp.SearchSpace + ".Choice";
    private const string Kind = CSharp.SearchSpace + ".ChoiceKind";

    public static void Write(IndentedWriter writer, CellLayout layout)
    {
        var cell = layout.Cell;
        writer.Open($"private static {CSharp.SearchSpace}.CellSearchSpace CreateParsecSpace()");
        for (int i = 0; i < cell.Sets.Count; i++) WriteSet(writer, cell.Sets[i], i);
        writer.Line($"return new {CSharp.SearchSpace}.CellSearchSpace(");
        writer.Indent();
        writer.Line($"{CSharp.Literal(cell.FullName)},");
        writer.Line(cell.SharedArchitecture ? "true," : "false,");
        if (layout.ChoiceCount == 0)
        {
            writer.Line($"{CSharp.ImmutableArray}<{Choice}>.Empty,");
        }
        else
        {
            writer.Line($"{CSharp.ImmutableArray}.Create<{Choice}>(");
            writer.Indent();
            int written = 0;
            foreach (var member in cell.Members)
            {
                int slots = member.Kind == ChoiceMemberKind.Family ? member.Count : 1;
                for (int slot = 0; slot < slots; slot++)
                    WriteChoice(writer, member, slot, ++written == layout.ChoiceCount ? ")," : ",");
            }
            writer.Unindent();
        }
        SourceCaptureWriter.Write(writer, cell.Source, ");");
        writer.Unindent();
        writer.Close();
    }

    private static void WriteSet(IndentedWriter writer, CandidateSetModel set, int index)
    {
        writer.Line($"var candidateSet{index} = new {CSharp.SearchSpace}.CandidateSetSource(");
        writer.Indent();
        writer.Line($"{CSharp.Literal(set.FullName)},");
        SourceCaptureWriter.Write(writer, set.Source, ",");
        SourceCaptureWriter.Strings(writer, set.Candidates, ",");
        SourceCaptureWriter.Strings(writer, set.CandidateSources, ",");
        writer.Line($"{CSharp.Literal(set.ParametersAsWritten)},");
        var names = new string[set.Parameters.Count];
        for (int i = 0; i < names.Length; i++) names[i] = set.Parameters[i].Name.TrimStart('@');
        writer.Line($"{CSharp.Strings(names)});");
        writer.Unindent();
    }

    private static void WriteChoice(IndentedWriter writer, ChoiceMemberModel member, int slot, string suffix)
    {
        writer.Line($"new {Choice}(");
        writer.Indent();
        switch (member.Kind)
        {
            case ChoiceMemberKind.Operation:
                writer.Line($"{CSharp.Literal(member.Name)},");
                writer.Line($"{Kind}.Operation,");
                writer.Line($"candidateSet{member.SetIndex}.Candidates,");
                writer.Line($"CandidateSet: candidateSet{member.SetIndex},");
                break;
            case ChoiceMemberKind.Family:
                writer.Line($"{CSharp.Literal(member.Name + "[" + slot + "]")},");
                writer.Line($"{Kind}.Operation,");
                writer.Line($"candidateSet{member.SetIndex}.Candidates,");
                writer.Line($"Member: {CSharp.Literal(member.Name)},");
                writer.Line($"Slot: {slot},");
                writer.Line($"PerInput: {CSharp.Literal(member.PerInput)},");
                writer.Line($"CandidateSet: candidateSet{member.SetIndex},");
                break;
            case ChoiceMemberKind.Input:
                writer.Line($"{CSharp.Literal(member.Name)},");
                writer.Line($"{Kind}.Input,");
                writer.Line($"{CSharp.Strings(member.InputNames)},");
                writer.Line($"Count: {member.Count},");
                writer.Line(member.Distinct ? "Distinct: true," : "Distinct: false,");
                break;
            default:
                writer.Line($"{CSharp.Literal(member.Name)},");
                writer.Line($"{Kind}.Value,");
                writer.Line($"{CSharp.Strings(member.Values)},");
                break;
        }
        writer.Line($"Declaration: {CSharp.Literal(member.Declaration)}){suffix}");
        writer.Unindent();
    }
}
