using System.Collections.Generic;
using System.Linq;
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

    public static void Write(IndentedWriter writer, CellLayout layout)
    {
        var cell = layout.Cell;
        var members = cell.Members;
        string name = layout.ArchitectureName;
        string space = cell.TypeName + ".Space";
        writer.Line("/// <summary>");
        writer.Line("/// An architecture of <see cref=\"" + cell.Name + "\"/>, typed: one property per choice member. Convert it with");
        writer.Line("/// <see cref=\"ToCellArchitecture\"/> and <see cref=\"FromCellArchitecture\"/>, or to and from JSON.");
        writer.Line("/// </summary>");
        foreach (var member in members)
            writer.Line("/// <param name=\"" + member.Name + "\">" + ParameterDoc(member) + "</param>");
        if (members.Count == 0)
        {
            writer.Line(cell.Accessibility + " sealed record " + name + "()");
        }
        else
        {
            writer.Line(cell.Accessibility + " sealed record " + name + "(");
            writer.Indent();
            for (int i = 0; i < members.Count; i++)
                writer.Line(layout.PropertyType(members[i]) + " " + members[i].Name + (i == members.Count - 1 ? ")" : ","));
            writer.Unindent();
        }
        writer.Open();
        WriteEnums(writer, layout);
        WriteValues(writer, layout);
        WriteToCellArchitecture(writer, layout, space);
        WriteFromCellArchitecture(writer, layout, space);
        writer.Line("/// <summary>This architecture in the JSON form of <see cref=\"" + Generic + ".ToJson\"/>.</summary>");
        writer.Line("public string ToJson() => ToCellArchitecture().ToJson(" + space + ").ToJsonString();");
        writer.Line();
        writer.Line("/// <summary>Reads an architecture written by <see cref=\"ToJson\"/>.</summary>");
        writer.Line("public static " + name + " Parse(string json) =>");
        writer.Indent();
        writer.Line("global::System.Text.Json.Nodes.JsonNode.Parse(json) is global::System.Text.Json.Nodes.JsonObject parsecObject");
        writer.Indent();
        writer.Line("? FromCellArchitecture(" + Generic + ".FromJson(" + space + ", parsecObject))");
        writer.Line(": throw new " + CSharp.Argument + "(" + CSharp.StringLiteral("An architecture of " + cell.Name + " is a JSON object keyed by choice name.")
            + ", nameof(json));");
        writer.Unindent();
        writer.Unindent();
        writer.Line();
        WriteEquality(writer, layout);
        WriteHelpers(writer, layout);
        writer.Close();
    }

    private static string ParameterDoc(ChoiceMemberModel member) => member.Kind switch
    {
        ChoiceMemberKind.Operation => "The candidate of <c>" + member.Name + "</c>.",
        ChoiceMemberKind.Family => "The candidate of each slot of <c>" + member.Name + "</c>.",
        ChoiceMemberKind.Input when member.Count > 1 => "The inputs of <c>" + member.Name + "</c>, in slot order.",
        ChoiceMemberKind.Input => "The input of <c>" + member.Name + "</c>.",
        _ => "The value of <c>" + member.Name + "</c>.",
    };

    private static void WriteEnums(IndentedWriter writer, CellLayout layout)
    {
        var cell = layout.Cell;
        for (int i = 0; i < cell.Sets.Count; i++)
            WriteEnum(writer, layout.SetEnumNames[i], "The candidates of <c>" + cell.Sets[i].FullName + "</c>.", cell.Sets[i].Candidates);
        foreach (var member in cell.Members.Where(m => m.Kind == ChoiceMemberKind.Input))
            WriteEnum(writer, CellLayout.InputEnumName(member), "The inputs of <c>" + member.Name + "</c>.", member.ParameterNames);
    }

    private static void WriteEnum(IndentedWriter writer, string name, string summary, IReadOnlyList<string> members)
    {
        writer.Line("/// <summary>" + summary + "</summary>");
        writer.Open("public enum " + name);
        foreach (string member in members)
        {
            writer.Line("/// <summary><c>" + member.TrimStart('@') + "</c>.</summary>");
            writer.Line(member + ",");
        }
        writer.Close();
        writer.Line();
    }

    private static void WriteValues(IndentedWriter writer, CellLayout layout)
    {
        foreach (var member in layout.Cell.Members.Where(m => m.Kind == ChoiceMemberKind.Value))
        {
            writer.Line("/// <summary>The values of <c>" + member.Name + "</c>, in declaration order.</summary>");
            writer.Line("internal static readonly " + member.ValueType + "[] " + member.Name + "Values = { " + string.Join(", ", member.Values) + " };");
            writer.Line();
        }
    }

    private static void WriteToCellArchitecture(IndentedWriter writer, CellLayout layout, string space)
    {
        var selections = new List<string>();
        foreach (var member in layout.Cell.Members)
        {
            string name = member.Name;
            switch (member.Kind)
            {
                case ChoiceMemberKind.Operation:
                    selections.Add(One("(int)" + name));
                    break;
                case ChoiceMemberKind.Family:
                    for (int slot = 0; slot < member.Count; slot++)
                        selections.Add(One("(int)ParsecChecked(" + name + ", " + member.Count + ", \"" + name + "\")[" + slot + "]"));
                    break;
                case ChoiceMemberKind.Input when member.Count > 1:
                    selections.Add(CSharp.ImmutableArray + ".CreateRange(ParsecChecked(" + name + ", " + member.Count + ", \"" + name
                        + "\"), option => (int)option)");
                    break;
                case ChoiceMemberKind.Input:
                    selections.Add(One("(int)" + name));
                    break;
                default:
                    selections.Add(One("ParsecValueIndex(" + name + "Values, " + name + ", \"" + name + "\")"));
                    break;
            }
        }
        writer.Line("/// <summary>This architecture in generic form; throws an <see cref=\"global::System.ArgumentException\"/> if it does not fit the cell.</summary>");
        writer.Open("public " + Generic + " ToCellArchitecture()");
        if (selections.Count == 0)
        {
            writer.Line("var architecture = new " + Generic + "(" + CSharp.ImmutableArray + "<" + CSharp.ImmutableArray + "<int>>.Empty);");
        }
        else
        {
            writer.Line("var architecture = new " + Generic + "(" + CSharp.ImmutableArray + ".Create(");
            writer.Indent();
            for (int i = 0; i < selections.Count; i++)
                writer.Line(selections[i] + (i == selections.Count - 1 ? "));" : ","));
            writer.Unindent();
        }
        writer.Line("architecture.Validate(" + space + ");");
        writer.Line("return architecture;");
        writer.Close();
        writer.Line();
    }

    private static void WriteFromCellArchitecture(IndentedWriter writer, CellLayout layout, string space)
    {
        var values = new List<string>();
        int choice = 0;
        foreach (var member in layout.Cell.Members)
        {
            string type = layout.PropertyType(member);
            switch (member.Kind)
            {
                case ChoiceMemberKind.Operation:
                    values.Add("(" + type + ")architecture[" + choice++ + "]");
                    break;
                case ChoiceMemberKind.Family:
                    string element = layout.ArchitectureType + "." + layout.SetEnumNames[member.SetIndex];
                    var slots = Enumerable.Range(choice, member.Count).Select(c => "(" + element + ")architecture[" + c + "]");
                    values.Add(CSharp.ImmutableArray + ".Create(" + string.Join(", ", slots) + ")");
                    choice += member.Count;
                    break;
                case ChoiceMemberKind.Input when member.Count > 1:
                    values.Add(CSharp.ImmutableArray + ".CreateRange(architecture.Selections[" + choice++ + "], index => ("
                        + layout.ArchitectureType + "." + CellLayout.InputEnumName(member) + ")index)");
                    break;
                case ChoiceMemberKind.Input:
                    values.Add("(" + type + ")architecture[" + choice++ + "]");
                    break;
                default:
                    values.Add(member.Name + "Values[architecture[" + choice++ + "]]");
                    break;
            }
        }
        string name = layout.ArchitectureName;
        writer.Line("/// <summary>The typed form of <paramref name=\"architecture\"/>; throws an <see cref=\"global::System.ArgumentException\"/> if it does not fit the cell.</summary>");
        writer.Open("public static " + name + " FromCellArchitecture(" + Generic + " architecture)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(architecture);");
        writer.Line("architecture.Validate(" + space + ");");
        if (values.Count == 0)
        {
            writer.Line("return new " + name + "();");
        }
        else
        {
            writer.Line("return new " + name + "(");
            writer.Indent();
            for (int i = 0; i < values.Count; i++)
                writer.Line(values[i] + (i == values.Count - 1 ? ");" : ","));
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
            writer.Line("public bool Equals(" + name + "? other) => other is not null;");
        }
        else
        {
            writer.Line("public bool Equals(" + name + "? other) =>");
            writer.Indent();
            writer.Line("other is not null");
            foreach (var member in members)
                writer.Line("&& " + (IsArray(member)
                    ? "ParsecSame(" + member.Name + ", other." + member.Name + ")"
                    : "global::System.Collections.Generic.EqualityComparer<" + layout.PropertyType(member) + ">.Default.Equals("
                      + member.Name + ", other." + member.Name + ")")
                    + (member == members[members.Count - 1] ? ";" : ""));
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
                writer.Line(IsArray(member) ? "ParsecAdd(ref hash, " + member.Name + ");" : "hash.Add(" + member.Name + ");");
            writer.Line("return hash.ToHashCode();");
        }
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>One line, for example <c>Act=Relu, Node0Inputs=[s0, s1]</c>.</summary>");
        var parts = members.Select(m => m.Name + "=" + (IsArray(m) ? "[{ParsecJoin(" + m.Name + ")}]" : "{" + m.Name + "}"));
        writer.Line("public override string ToString() => global::System.FormattableString.Invariant($\"" + string.Join(", ", parts) + "\");");
    }

    private static void WriteHelpers(IndentedWriter writer, CellLayout layout)
    {
        var members = layout.Cell.Members;
        if (members.Any(IsArray))
        {
            writer.Line();
            writer.Line("private static " + CSharp.ImmutableArray + "<T> ParsecChecked<T>(" + CSharp.ImmutableArray + "<T> items, int count, string member) =>");
            writer.Indent();
            writer.Line("!items.IsDefault && items.Length == count");
            writer.Indent();
            writer.Line("? items");
            writer.Line(": throw new " + CSharp.Argument + "(member + \" takes \" + count + \" entries, one per slot.\");");
            writer.Unindent();
            writer.Unindent();
            writer.Line();
            writer.Line("private static bool ParsecSame<T>(" + CSharp.ImmutableArray + "<T> left, " + CSharp.ImmutableArray + "<T> right) =>");
            writer.Indent();
            writer.Line("left.IsDefault || right.IsDefault ? left.IsDefault && right.IsDefault : global::System.Linq.Enumerable.SequenceEqual(left, right);");
            writer.Unindent();
            writer.Line();
            writer.Open("private static void ParsecAdd<T>(ref global::System.HashCode hash, " + CSharp.ImmutableArray + "<T> items)");
            writer.Line("if (items.IsDefault) return;");
            writer.Line("foreach (var item in items) hash.Add(item);");
            writer.Close();
            writer.Line();
            writer.Line("private static string ParsecJoin<T>(" + CSharp.ImmutableArray + "<T> items) =>");
            writer.Indent();
            writer.Line("items.IsDefault ? \"\" : string.Join(\", \", items);");
            writer.Unindent();
        }
        if (members.Any(m => m.Kind == ChoiceMemberKind.Value))
        {
            writer.Line();
            writer.Open("private static int ParsecValueIndex<T>(T[] values, T value, string member)");
            writer.Line("int index = global::System.Array.IndexOf(values, value);");
            writer.Line("return index >= 0 ? index : throw new " + CSharp.Argument + "(member + \" = \" + value + \" is not one of its declared values.\");");
            writer.Close();
        }
    }

    private static bool IsArray(ChoiceMemberModel member) =>
        member.Kind == ChoiceMemberKind.Family || member.Kind == ChoiceMemberKind.Input && member.Count > 1;

    private static string One(string index) => CSharp.ImmutableArray + ".Create(" + index + ")";
}
