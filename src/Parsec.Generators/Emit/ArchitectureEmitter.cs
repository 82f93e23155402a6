using System.Collections.Generic;
using System.Text;
using Parsec.Generators.Model;

namespace Parsec.Generators.Emit;

/// <summary>
/// Writes <c>{Cell}Architecture</c>, the typed architecture next to the cell: a record with one property per
/// choice member, the enums of its candidates and inputs nested inside it (so that sets and cells anywhere, nested
/// or namespaced, never clash), conversions to and from <c>CellArchitecture</c> and its JSON form.
/// </summary>
internal static class ArchitectureEmitter
{
    private const string Generic = CSharp.SearchSpace + ".CellArchitecture";
    private const string Typed = CSharp.SearchSpace + ".TypedArchitecture";

    public static void Write(IndentedWriter writer, CellLayout layout)
    {
        var cell = layout.Cell;
        var members = cell.Members;
        string name = layout.ArchitectureName;
        writer.Line("/// <summary>");
        writer.Line($"/// An architecture of <see cref=\"{cell.Name}\"/>, typed: one property per choice member. Convert it with");
        writer.Line("/// <see cref=\"ToCellArchitecture\"/> and <see cref=\"FromCellArchitecture\"/>, or to and from JSON.");
        writer.Line("/// </summary>");
        foreach (var member in members)
            writer.Line($"/// <param name=\"{member.Name}\">{ParameterDoc(member.Kind, member.Count)}<c>{member.Name}</c>{(member.Kind == ChoiceMemberKind.Input && member.Count > 1 ? ", in slot order." : ".")}</param>");
        writer.Line(CSharp.GeneratedCode);
        if (members.Count == 0)
        {
            writer.Line($"{cell.Accessibility} sealed record {name}()");
        }
        else
        {
            writer.Line($"{cell.Accessibility} sealed record {name}(");
            writer.Indent();
            for (int i = 0; i < members.Count; i++)
                writer.Line($"{layout.PropertyType(i)} {members[i].Name}{(i == members.Count - 1 ? ")" : ",")}");
            writer.Unindent();
        }
        writer.Open();
        WriteEnums(writer, layout);
        WriteValues(writer, layout);
        WriteToCellArchitecture(writer, layout);
        WriteFromCellArchitecture(writer, layout);
        writer.Line($"/// <summary>This architecture in the JSON form of <see cref=\"{Generic}.ToJson\"/>.</summary>");
        writer.Line($"public string ToJson() => ToCellArchitecture().ToJson({layout.SpaceReference}).ToJsonString();");
        writer.Line();
        writer.Line("/// <summary>Reads an architecture written by <see cref=\"ToJson\"/>.</summary>");
        writer.Line($"public static {name} Parse(string json) =>");
        writer.Indent();
        writer.Line("global::System.Text.Json.Nodes.JsonNode.Parse(json) is global::System.Text.Json.Nodes.JsonObject parsecObject");
        writer.Indent();
        writer.Line($"? FromCellArchitecture({Generic}.FromJson({layout.SpaceReference}, parsecObject))");
        writer.Line($": throw new {CSharp.Argument}({CSharp.Literal("An architecture of " + cell.Name + " is a JSON object keyed by choice name.")}, nameof(json));");
        writer.Unindent();
        writer.Unindent();
        writer.Line();
        WriteEquality(writer, layout);
        writer.Close();
    }

    /// <summary>The start of a member's parameter documentation, which goes on with the member's name.</summary>
    private static string ParameterDoc(ChoiceMemberKind kind, int count) => kind switch
    {
        ChoiceMemberKind.Operation => "The candidate of ",
        ChoiceMemberKind.Family => "The candidate of each slot of ",
        ChoiceMemberKind.Input when count > 1 => "The inputs of ",
        ChoiceMemberKind.Input => "The input of ",
        _ => "The value of ",
    };

    private static void WriteEnums(IndentedWriter writer, CellLayout layout)
    {
        var cell = layout.Cell;
        for (int i = 0; i < cell.Sets.Count; i++)
        {
            writer.Line($"/// <summary>The candidates of <c>{cell.Sets[i].FullName}</c>.</summary>");
            WriteEnum(writer, layout.SetEnumNames[i], cell.Sets[i].Candidates);
        }
        foreach (var member in cell.Members)
        {
            if (member.Kind != ChoiceMemberKind.Input) continue;
            writer.Line($"/// <summary>The inputs of <c>{member.Name}</c>.</summary>");
            WriteEnum(writer, CellLayout.InputEnumName(member), member.ParameterNames);
        }
    }

    private static void WriteEnum(IndentedWriter writer, string name, IReadOnlyList<string> members)
    {
        writer.Line(CSharp.GeneratedCode);
        writer.Open($"public enum {name}");
        foreach (string member in members)
        {
            writer.Line($"/// <summary><c>{Unescaped(member)}</c>.</summary>");
            writer.Line($"{member},");
        }
        writer.Close();
        writer.Line();
    }

    /// <summary>An identifier without the <c>@</c> that escapes a keyword.</summary>
    private static string Unescaped(string identifier) => identifier.Length > 0 && identifier[0] == '@' ? identifier.TrimStart('@') : identifier;

    private static void WriteValues(IndentedWriter writer, CellLayout layout)
    {
        foreach (var member in layout.Cell.Members)
        {
            if (member.Kind != ChoiceMemberKind.Value) continue;
            writer.Line($"/// <summary>The values of <c>{member.Name}</c>, in declaration order.</summary>");
            writer.Line($"internal static readonly {member.ValueType}[] {member.Name}Values = {{ {new Joined(member.Values)} }};");
            writer.Line();
        }
    }

    private static void WriteToCellArchitecture(IndentedWriter writer, CellLayout layout)
    {
        writer.Line("/// <summary>This architecture in generic form; throws an <see cref=\"global::System.ArgumentException\"/> if it does not fit the cell.</summary>");
        writer.Line($"public {Generic} ToCellArchitecture() =>");
        writer.Indent();
        writer.Line($"new {CSharp.SearchSpace}.CellArchitectureBuilder({layout.SpaceReference})");
        writer.Indent();
        foreach (var member in layout.Cell.Members)
        {
            if (member.Kind == ChoiceMemberKind.Value) writer.Line($".Value({member.Name}Values, {member.Name})");
            else if (IsArray(member)) writer.Line($".Options({member.Name})");
            else writer.Line($".Option({member.Name})");
        }
        writer.Line(".Build();");
        writer.Unindent();
        writer.Unindent();
        writer.Line();
    }

    private static void WriteFromCellArchitecture(IndentedWriter writer, CellLayout layout)
    {
        var members = layout.Cell.Members;
        string name = layout.ArchitectureName;
        writer.Line("/// <summary>The typed form of <paramref name=\"architecture\"/>; throws an <see cref=\"global::System.ArgumentException\"/> if it does not fit the cell.</summary>");
        writer.Open($"public static {name} FromCellArchitecture({Generic} architecture)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(architecture);");
        writer.Line($"architecture.Validate({layout.SpaceReference});");
        if (members.Count == 0)
        {
            writer.Line($"return new {name}();");
        }
        else
        {
            writer.Line($"return new {name}(");
            writer.Indent();
            for (int i = 0; i < members.Count; i++)
            {
                var member = members[i];
                int choice = layout.ChoiceIndex(i);
                string end = i == members.Count - 1 ? ");" : ",";
                switch (member.Kind)
                {
                    case ChoiceMemberKind.Operation:
                    case ChoiceMemberKind.Input when member.Count == 1:
                        writer.Line($"architecture.Option<{layout.ElementType(i)}>({choice}){end}");
                        break;
                    case ChoiceMemberKind.Family:
                        writer.Line($"architecture.Slots<{layout.ElementType(i)}>({choice}, {member.Count}){end}");
                        break;
                    case ChoiceMemberKind.Input:
                        writer.Line($"architecture.Options<{layout.ElementType(i)}>({choice}){end}");
                        break;
                    default:
                        writer.Line($"{member.Name}Values[architecture[{choice}]]{end}");
                        break;
                }
            }
            writer.Unindent();
        }
        writer.Close();
        writer.Line();
    }

    private static void WriteEquality(IndentedWriter writer, CellLayout layout)
    {
        var members = layout.Cell.Members;
        string name = layout.ArchitectureName;
        writer.Line("/// <summary>Whether both architectures choose the same, element by element.</summary>");
        if (members.Count == 0)
        {
            writer.Line($"public bool Equals({name}? other) => other is not null;");
        }
        else
        {
            writer.Line($"public bool Equals({name}? other) =>");
            writer.Indent();
            writer.Line("other is not null");
            for (int i = 0; i < members.Count; i++)
            {
                string member = members[i].Name;
                string end = i == members.Count - 1 ? ";" : "";
                if (IsArray(members[i]))
                    writer.Line($"&& {Typed}.SequenceEqual({member}, other.{member}){end}");
                else if (members[i].Kind == ChoiceMemberKind.Value)
                    writer.Line($"&& global::System.Collections.Generic.EqualityComparer<{layout.PropertyType(i)}>.Default.Equals({member}, other.{member}){end}");
                else
                    writer.Line($"&& {member} == other.{member}{end}");
            }
            writer.Unindent();
        }
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Open("public override int GetHashCode()");
        if (members.Count == 0)
        {
            writer.Line("return 0;");
        }
        else
        {
            writer.Line("var hash = new global::System.HashCode();");
            foreach (var member in members)
            {
                if (IsArray(member)) writer.Line($"{Typed}.AddTo(ref hash, {member.Name});");
                else writer.Line($"hash.Add({member.Name});");
            }
            writer.Line("return hash.ToHashCode();");
        }
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>One line, for example <c>Act=Relu, Node0Inputs=[s0, s1]</c>.</summary>");
        writer.Line($"public override string ToString() => global::System.FormattableString.Invariant($\"{new Summary(members)}\");");
    }

    private static bool IsArray(ChoiceMemberModel member) =>
        member.Kind == ChoiceMemberKind.Family || member.Kind == ChoiceMemberKind.Input && member.Count > 1;

    /// <summary>The interpolated text of <c>ToString</c>: <c>Act={Act}, Node0Inputs=[{(TypedArchitecture.Join(Node0Inputs))}]</c>.</summary>
    private readonly struct Summary : ISourceText
    {
        private readonly EquatableArray<ChoiceMemberModel> members;

        public Summary(EquatableArray<ChoiceMemberModel> members) => this.members = members;

        public void AppendTo(StringBuilder text)
        {
            for (int i = 0; i < members.Count; i++)
            {
                string name = members[i].Name;
                if (i > 0) text.Append(", ");
                text.Append(name).Append('=');
                // Parenthesized: in an interpolation hole, the colons of global:: would start a format.
                if (IsArray(members[i])) text.Append("[{(").Append(Typed).Append(".Join(").Append(name).Append("))}]");
                else text.Append('{').Append(name).Append('}');
            }
        }

        public override string ToString() => SourceTexts.Write(this);
    }
}
