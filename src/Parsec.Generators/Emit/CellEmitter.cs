using System.Collections.Generic;
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

    /// <summary>The prefix of the field holding a member's <c>CandidateBank</c>: <c>parsec{Member}</c>.</summary>
    private const string Bank = "parsec";

    /// <summary>The prefix of the method that builds a member's candidates: <c>Build{Member}</c>.</summary>
    private const string Build = "Build";

    public static string HintName(CellModel cell) => cell.FullName + ".SearchCell.g.cs";

    public static string Emit(CellModel cell) =>
        cell.IsSupernet ? EmitSupernet(cell) : FileFrame.Write(cell.Namespace, cell.ContainingTypes, cell, static (writer, cell) =>
        {
            writer.Open($"partial {cell.Keyword} {cell.Name}");
            WriteRejected(writer, cell);
            writer.Close();
        });

    /// <summary>
    /// The names of the members the generator adds to a cell, each with what it is: a member of the user's may take none
    /// of them (PARSEC009). The typed architecture, next to the cell, is named <c>{Cell}Architecture</c>.
    /// </summary>
    public static IEnumerable<(string Name, string Kind)> GeneratedMembers(CellModel cell)
    {
        foreach (string property in new[] { "Space", "SearchSpace", "Architecture", "Relaxation", "SelectedArchitecture" })
            yield return (property, "a property");
        yield return ("CreateParsecSpace", "a method");
        yield return (Supernet, "a field");
        foreach (var member in cell.Members)
        {
            if (member.Kind is not (ChoiceMemberKind.Operation or ChoiceMemberKind.Family)) continue;
            yield return (Bank + member.Name, "a field");
            yield return (Build + member.Name, "a method");
        }
        var layout = new CellLayout(cell);
        for (int i = 0; i < cell.Sets.Count; i++) yield return (Factory(layout, i), "a method");
    }

    private static string EmitSupernet(CellModel cell) =>
        FileFrame.Write(cell.Namespace, cell.ContainingTypes, new CellLayout(cell), static (writer, layout) =>
        {
            var cell = layout.Cell;
            writer.Open($"partial {cell.Keyword} {cell.Name} : {CSharp.SearchSpace}.ISearchCell");
            WriteSearchCell(writer, layout);
            SpaceEmitter.Write(writer, layout);
            foreach (var member in cell.Members)
                if (member.Kind is ChoiceMemberKind.Operation or ChoiceMemberKind.Family) WriteBuild(writer, layout, member);
            for (int i = 0; i < cell.Sets.Count; i++) WriteFactory(writer, layout, i);
            writer.Line();
            for (int i = 0; i < cell.Members.Count; i++) WriteMember(writer, layout, i);
            WriteRejected(writer, cell);
            writer.Close();
            writer.Line();
            ArchitectureEmitter.Write(writer, layout);
        });

    private static void WriteSearchCell(IndentedWriter writer, CellLayout layout)
    {
        string cellName = layout.Cell.Name;
        writer.Line($"/// <summary>The search space of <see cref=\"{cellName}\"/>: its choices, their candidates and the cell's source.</summary>");
        writer.Line($"public static {CSharp.SearchSpace}.CellSearchSpace Space {{ get; }} = CreateParsecSpace();");
        writer.Line();
        writer.Line("// The supernet's state and candidate banks are neither modules nor tensors, so TorchSharp's RegisterComponents");
        writer.Line("// (which registers module and tensor fields by reflection) never registers them: the Build methods register");
        writer.Line("// every candidate themselves, once.");
        writer.Line($"private readonly {Runtime}.SupernetState {Supernet} = new {Runtime}.SupernetState(Space);");
        var members = layout.Cell.Members;
        for (int i = 0; i < members.Count; i++)
            if (members[i].Kind is ChoiceMemberKind.Operation or ChoiceMemberKind.Family)
                writer.Line($"private readonly {Runtime}.CandidateBank {Bank}{members[i].Name} = new {Runtime}.CandidateBank(Space, {layout.ChoiceIndex(i)});");
        writer.Line();
        writer.Line("/// <summary>The search space of this cell, <see cref=\"Space\"/>.</summary>");
        writer.Line($"public {CSharp.SearchSpace}.CellSearchSpace SearchSpace => Space;");
        writer.Line();
        writer.Line("/// <summary>The architecture forward runs; setting one that does not fit <see cref=\"Space\"/> throws.</summary>");
        writer.Open($"public {CSharp.SearchSpace}.CellArchitecture? Architecture");
        writer.Line($"get => {Supernet}.Architecture;");
        writer.Line($"set => {Supernet}.Architecture = value;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>When set, forward runs the continuous relaxation: a weighted sum over every candidate and input.</summary>");
        writer.Open($"public {CSharp.SearchSpace}.IRelaxation? Relaxation");
        writer.Line($"get => {Supernet}.Relaxation;");
        writer.Line($"set => {Supernet}.Relaxation = value;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary><see cref=\"Architecture\"/>, typed; null when none is set.</summary>");
        writer.Open($"public {layout.ArchitectureType}? SelectedArchitecture");
        writer.Line($"get => {Supernet}.Architecture is {{ }} architecture ? {layout.ArchitectureType}.FromCellArchitecture(architecture) : null;");
        writer.Line("set => Architecture = value?.ToCellArchitecture();");
        writer.Close();
        writer.Line();
    }

    /// <summary>A choice member's implementation: one line that calls the supernet machinery.</summary>
    private static void WriteMember(IndentedWriter writer, CellLayout layout, int index)
    {
        var member = layout.Cell.Members[index];
        var parameters = member.ParameterNames;
        switch (member.Kind)
        {
            case ChoiceMemberKind.Operation:
                writer.Line($"{member.Signature} => {Bank}{member.Name}.Forward(this, {Supernet}, {parameters[0]});");
                break;
            case ChoiceMemberKind.Family:
                writer.Line($"{member.Signature} => {Bank}{member.Name}.Forward(this, {Supernet}, {parameters[0]}, {parameters[1]});");
                break;
            case ChoiceMemberKind.Input:
                writer.Line($"{member.Signature} => {Supernet}.SelectInputs(this, {layout.ChoiceIndex(index)}, {new Joined(parameters)}){(member.ReturnsArray ? "" : "[0]")};");
                break;
            default:
                writer.Line($"{member.Signature} {{ get => {layout.ArchitectureType}.{member.Name}Values[{Supernet}.ValueIndex({layout.ChoiceIndex(index)})]; }}");
                break;
        }
    }

    /// <summary>The rejected partial members, each implemented by a throw that names the error to fix.</summary>
    private static void WriteRejected(IndentedWriter writer, CellModel cell)
    {
        foreach (var member in cell.Rejected)
        {
            string reason = member.ErrorId is { } id
                ? $"{member.Name} is not generated: fix the Parsec error {id} reported at it."
                : $"{member.Name} is not generated: fix the compiler error reported at it.";
            string body = $"throw new {CSharp.InvalidOperation}({CSharp.StringLiteral(reason)});";
            if (member.Accessors.Count == 0)
            {
                writer.Line($"{member.Header} => {body}");
                continue;
            }
            writer.Open(member.Header);
            foreach (string accessor in member.Accessors) writer.Line($"{accessor} => {body}");
            writer.Close();
        }
    }

    /// <summary>
    /// <c>Build{Member}</c>: creates every candidate through its set's factory and registers it through the member's
    /// bank (a family's takes the input index first, as the contract names it).
    /// </summary>
    private static void WriteBuild(IndentedWriter writer, CellLayout layout, ChoiceMemberModel member)
    {
        var set = layout.SetOf(member);
        bool family = member.Kind == ChoiceMemberKind.Family;
        // A candidate parameter named 'input' or 'candidate' keeps its name; the index then takes another.
        string input = UnusedName(set, "input");
        string candidate = UnusedName(set, "candidate");
        writer.Line();
        if (family)
            writer.Line($"/// <summary>Creates every candidate of <c>{member.Name}</c> for input <paramref name=\"{input}\"/> of <c>{member.PerInput}</c> and registers it as <c>{member.Name}_{{Input}}_{{Candidate}}</c>; call it once per input, in the constructor.</summary>");
        else
            writer.Line($"/// <summary>Creates every candidate of <c>{member.Name}</c> and registers it as <c>{member.Name}_{{Candidate}}</c>; call it once, in the constructor.</summary>");
        writer.Open($"private void {Build}{member.Name}({(family ? "int " + input + (set.Parameters.Count > 0 ? ", " : "") : "")}{new Joined(set.Parameters, Joined.Declarations)})");
        writer.Line($"for (int {candidate} = 0; {candidate} < {set.Candidates.Count}; {candidate}++)");
        writer.Indent();
        writer.Line($"{Bank}{member.Name}.Register(this, {(family ? input + ", " : "")}{candidate}, {Factory(layout, member.SetIndex)}({candidate}{(set.Parameters.Count > 0 ? ", " : "")}{new Joined(set.Parameters, Joined.Arguments)}));");
        writer.Unindent();
        writer.Close();
    }

    /// <summary>The factory of a candidate set: creates one candidate, by index, for every <c>Build</c> method over the set.</summary>
    private static void WriteFactory(IndentedWriter writer, CellLayout layout, int setIndex)
    {
        var set = layout.Cell.Sets[setIndex];
        string candidate = UnusedName(set, "candidate");
        writer.Line();
        writer.Line($"/// <summary>Creates candidate number <paramref name=\"{candidate}\"/> of <c>{set.FullName}</c>, in declaration order.</summary>");
        writer.Line($"private static {CSharp.TensorModule} {Factory(layout, setIndex)}(int {candidate}{(set.Parameters.Count > 0 ? ", " : "")}{new Joined(set.Parameters, Joined.Declarations)}) => {candidate} switch");
        writer.Open();
        for (int i = 0; i < set.Candidates.Count; i++)
            writer.Line($"{i} => {set.TypeName}.{set.Candidates[i]}({new Joined(set.Parameters, Joined.Arguments)}),");
        writer.Line($"_ => throw new global::System.ArgumentOutOfRangeException(nameof({candidate})),");
        writer.Close(";");
    }

    /// <summary>The factory method of a candidate set, named after its enum in the typed architecture.</summary>
    private static string Factory(CellLayout layout, int setIndex) => "ParsecCreate" + layout.SetEnumNames[setIndex];

    /// <summary><paramref name="name"/>, or <paramref name="name"/> + <c>Index</c> when a candidate parameter has that name.</summary>
    private static string UnusedName(CandidateSetModel set, string name)
    {
        foreach (var parameter in set.Parameters)
            if (parameter.Name == name) return name + "Index";
        return name;
    }
}
