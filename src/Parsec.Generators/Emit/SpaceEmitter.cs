using Parsec.Generators.Model;

namespace Parsec.Generators.Emit;

/// <summary>Writes the cell's <c>CreateParsecSpace</c> method, which builds the static <c>Space</c> descriptor.</summary>
internal static class SpaceEmitter
{
    public static void Write(IndentedWriter writer, CellLayout layout)
    {
        var cell = layout.Cell;
        writer.Open("private static " + CSharp.SearchSpace + ".CellSearchSpace CreateParsecSpace()");
        for (int i = 0; i < cell.Sets.Count; i++) WriteSet(writer, cell.Sets[i], i);
        writer.Line("return new " + CSharp.SearchSpace + ".CellSearchSpace(");
        writer.Indent();
        writer.Line(CSharp.StringLiteral(cell.FullName) + ",");
        writer.Line((cell.SharedArchitecture ? "true" : "false") + ",");
        if (layout.ChoiceCount == 0)
        {
            writer.Line(CSharp.ImmutableArray + "<" + CSharp.SearchSpace + ".Choice>.Empty,");
        }
        else
        {
            writer.Line(CSharp.ImmutableArray + ".Create<" + CSharp.SearchSpace + ".Choice>(");
            writer.Indent();
            int written = 0;
            foreach (var member in cell.Members)
            {
                int slots = member.Kind == ChoiceMemberKind.Family ? member.Count : 1;
                for (int slot = 0; slot < slots; slot++)
                    WriteChoice(writer, layout, member, slot, ++written == layout.ChoiceCount ? ")," : ",");
            }
            writer.Unindent();
        }
        SourceCaptureWriter.Write(writer, cell.Source, ");");
        writer.Unindent();
        writer.Close();
    }

    private static void WriteSet(IndentedWriter writer, CandidateSetModel set, int index)
    {
        writer.Line("var candidateSet" + index + " = new " + CSharp.SearchSpace + ".CandidateSetSource(");
        writer.Indent();
        writer.Line(CSharp.StringLiteral(set.FullName) + ",");
        SourceCaptureWriter.Write(writer, set.Source, ",");
        SourceCaptureWriter.Strings(writer, set.Candidates, ",");
        SourceCaptureWriter.Strings(writer, set.CandidateSources, ",");
        writer.Line(CSharp.StringLiteral(set.ParametersAsWritten) + ",");
        var names = new string[set.Parameters.Count];
        for (int i = 0; i < names.Length; i++) names[i] = set.Parameters[i].Name.TrimStart('@');
        writer.Line(CSharp.StringArray(names) + ");");
        writer.Unindent();
    }

    private static void WriteChoice(IndentedWriter writer, CellLayout layout, ChoiceMemberModel member, int slot, string suffix)
    {
        writer.Line("new " + CSharp.SearchSpace + ".Choice(");
        writer.Indent();
        switch (member.Kind)
        {
            case ChoiceMemberKind.Operation:
                writer.Line(CSharp.StringLiteral(member.Name) + ",");
                writer.Line(CSharp.SearchSpace + ".ChoiceKind.Operation,");
                writer.Line("candidateSet" + member.SetIndex + ".Candidates,");
                writer.Line("CandidateSet: candidateSet" + member.SetIndex + ",");
                break;
            case ChoiceMemberKind.Family:
                writer.Line(CSharp.StringLiteral(member.Name + "[" + slot + "]") + ",");
                writer.Line(CSharp.SearchSpace + ".ChoiceKind.Operation,");
                writer.Line("candidateSet" + member.SetIndex + ".Candidates,");
                writer.Line("Member: " + CSharp.StringLiteral(member.Name) + ",");
                writer.Line("Slot: " + slot + ",");
                writer.Line("PerInput: " + CSharp.StringLiteral(member.PerInput!) + ",");
                writer.Line("CandidateSet: candidateSet" + member.SetIndex + ",");
                break;
            case ChoiceMemberKind.Input:
                writer.Line(CSharp.StringLiteral(member.Name) + ",");
                writer.Line(CSharp.SearchSpace + ".ChoiceKind.Input,");
                writer.Line(CSharp.StringArray(member.InputNames) + ",");
                writer.Line("Count: " + member.Count + ",");
                writer.Line("Distinct: " + (member.Distinct ? "true" : "false") + ",");
                break;
            default:
                writer.Line(CSharp.StringLiteral(member.Name) + ",");
                writer.Line(CSharp.SearchSpace + ".ChoiceKind.Value,");
                writer.Line(CSharp.StringArray(member.Values) + ",");
                break;
        }
        writer.Line("Declaration: " + CSharp.StringLiteral(member.Declaration) + ")" + suffix);
        writer.Unindent();
    }
}
