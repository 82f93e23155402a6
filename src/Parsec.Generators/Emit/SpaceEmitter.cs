using Parsec.Generators.Model;

namespace Parsec.Generators.Emit;

/// <summary>
/// Writes the cell's <c>CreateParsecSpace</c> method, which builds the static <c>Space</c> descriptor: each candidate
/// set's source once, then one <c>CellSearchSpaceBuilder</c> call per choice member.
/// </summary>
internal static class SpaceEmitter
{
    public static void Write(IndentedWriter writer, CellLayout layout)
    {
        var cell = layout.Cell;
        writer.Open($"private static {CSharp.SearchSpace}.CellSearchSpace CreateParsecSpace()");
        for (int i = 0; i < cell.Sets.Count; i++) WriteSet(writer, cell.Sets[i], i);
        writer.Line($"return new {CSharp.SearchSpace}.CellSearchSpaceBuilder({CSharp.Literal(cell.FullName)}, sharedArchitecture: {(cell.SharedArchitecture ? "true" : "false")})");
        writer.Indent();
        foreach (var member in cell.Members) WriteMember(writer, member);
        SourceCaptureWriter.Write(writer, cell.Source, ");", prefix: ".Build(");
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

    private static void WriteMember(IndentedWriter writer, ChoiceMemberModel member)
    {
        var name = CSharp.Literal(member.Name);
        var declaration = CSharp.Literal(member.Declaration);
        switch (member.Kind)
        {
            case ChoiceMemberKind.Operation:
                writer.Line($".Operation({name}, candidateSet{member.SetIndex}, {declaration})");
                break;
            case ChoiceMemberKind.Family:
                writer.Line($".Family({name}, {member.Count}, {CSharp.Literal(member.PerInput)}, candidateSet{member.SetIndex}, {declaration})");
                break;
            case ChoiceMemberKind.Input:
                writer.Line($".Input({name}, {member.Count}, {(member.Distinct ? "true" : "false")}, {declaration}{new Arguments(member.InputNames)})");
                break;
            default:
                writer.Line($".Value({name}, {declaration}{new Arguments(member.Values)})");
                break;
        }
    }
}
