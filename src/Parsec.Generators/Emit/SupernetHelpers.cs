using System.Linq;
using Parsec.Generators.Model;

namespace Parsec.Generators.Emit;

/// <summary>
/// Writes the private state class of a cell's supernet and the private helpers its members call; a helper is
/// written only when a member of the cell uses it.
/// </summary>
internal static class SupernetHelpers
{
    private const string Modules = CSharp.TensorModule + "?[]";
    private const string Relaxation = CSharp.SearchSpace + ".IRelaxation";

    public static void Write(IndentedWriter writer, CellLayout layout)
    {
        var cell = layout.Cell;
        string name = cell.Name;
        if (cell.Members.Count == 0)
        {
            WriteState(writer, layout);
            return;
        }
        writer.Line();
        writer.Line("private static " + CSharp.InvalidOperation + " ParsecNoArchitecture() =>");
        writer.Indent();
        writer.Line("new " + CSharp.InvalidOperation + "(" + CSharp.StringLiteral(name + " has neither an architecture nor a relaxation:"
            + " set Architecture (or SelectedArchitecture) to run one architecture, or Relaxation to run the continuous relaxation.") + ");");
        writer.Unindent();
        if (cell.Members.Any(m => m.Kind != ChoiceMemberKind.Value))
        {
            writer.Line();
            writer.Line("private " + CSharp.SearchSpace + ".CellArchitecture ParsecRequireArchitecture() =>");
            writer.Indent();
            writer.Line("parsecSupernet.Architecture ?? throw ParsecNoArchitecture();");
            writer.Unindent();
        }
        if (layout.HasOperations) WriteOperationHelpers(writer, name);
        if (layout.HasFamilies) WriteFamilyHelpers(writer, name);
        if (cell.Members.Any(m => m.Kind == ChoiceMemberKind.Input && !layout.FamiliesOf(m).Any()))
            WriteInputMix(writer);
        WriteState(writer, layout);
    }

    private static void WriteOperationHelpers(IndentedWriter writer, string name)
    {
        writer.Line();
        writer.Open("private static void ParsecRequireBuilt(" + Modules + " modules, string build)");
        writer.Line("foreach (var module in modules)");
        writer.Indent();
        writer.Line("if (module is null)");
        writer.Indent();
        writer.Line("throw new " + CSharp.InvalidOperation + "(" + CSharp.StringLiteral(name + " ran forward before every candidate was built: call ")
            + " + build + " + CSharp.StringLiteral(" in its constructor.") + ");");
        writer.Unindent();
        writer.Unindent();
        writer.Close();
        writer.Line();
        writer.Open("private void ParsecRegister(" + Modules + " modules, int index, string name, " + CSharp.TensorModule + " candidate)");
        writer.Line("if (modules[index] is not null)");
        writer.Indent();
        writer.Line("throw new " + CSharp.InvalidOperation + "(" + CSharp.StringLiteral(name + " already built ")
            + " + name + " + CSharp.StringLiteral(": call each Build method once (a family's once per input).") + ");");
        writer.Unindent();
        writer.Line("register_module(name, candidate);");
        writer.Line("modules[index] = candidate;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The weighted sum of a choice's candidates, <c>sum_o w[o] * m_o(x)</c>.</summary>");
        writer.Open("private " + CSharp.Tensor + " ParsecMix(" + Relaxation + " relaxation, int choice, int input, "
            + Modules + " modules, int first, int count, " + CSharp.Tensor + " x, " + CSharp.Tensor + "?[]? outputs)");
        writer.Line("var weights = relaxation.OperationWeights(this, choice, input);");
        writer.Line("var sum = weights[0] * ParsecRun(modules, outputs, first, x);");
        writer.Line("for (int candidate = 1; candidate < count; candidate++)");
        writer.Indent();
        writer.Line("sum = sum + weights[candidate] * ParsecRun(modules, outputs, first + candidate, x);");
        writer.Unindent();
        writer.Line("return sum;");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Runs one candidate; a family computes each (input, candidate) output once per forward.</summary>");
        writer.Open("private static " + CSharp.Tensor + " ParsecRun(" + Modules + " modules, " + CSharp.Tensor + "?[]? outputs, int index, " + CSharp.Tensor + " x)");
        writer.Line("if (outputs is null) return modules[index]!.call(x);");
        writer.Line("return outputs[index] ??= modules[index]!.call(x);");
        writer.Close();
    }

    private static void WriteFamilyHelpers(IndentedWriter writer, string name)
    {
        writer.Line();
        writer.Open("private static string ParsecInputName(int choice, int input, string build)");
        writer.Line("var inputs = Space.Choices[choice].Options;");
        writer.Line("if ((uint)input >= (uint)inputs.Length)");
        writer.Indent();
        writer.Line("throw new global::System.ArgumentOutOfRangeException(nameof(input), input, build + "
            + CSharp.StringLiteral(" takes an input index from 0 to ") + " + (inputs.Length - 1) + \".\");");
        writer.Unindent();
        writer.Line("return inputs[input];");
        writer.Close();
        writer.Line();
        writer.Line("private static " + CSharp.InvalidOperation + " ParsecInputsFirst(string inputChoice, string family) =>");
        writer.Indent();
        writer.Line("new " + CSharp.InvalidOperation + "(" + CSharp.StringLiteral(name + ".")
            + " + family + \" runs on the inputs that \" + inputChoice + \" chose: call \" + inputChoice + \" before \" + family + \" in forward.\");");
        writer.Unindent();
    }

    private static void WriteInputMix(IndentedWriter writer)
    {
        writer.Line();
        writer.Line("/// <summary>The weighted sum of an input choice's inputs for one slot, <c>sum_j w[j] * input_j</c>.</summary>");
        writer.Open("private " + CSharp.Tensor + " ParsecMixInputs(" + Relaxation + " relaxation, int choice, int slot, " + CSharp.Tensor + "[] inputs)");
        writer.Line("var weights = relaxation.InputWeights(this, choice, slot);");
        writer.Line("var sum = weights[0] * inputs[0];");
        writer.Line("for (int input = 1; input < inputs.Length; input++)");
        writer.Indent();
        writer.Line("sum = sum + weights[input] * inputs[input];");
        writer.Unindent();
        writer.Line("return sum;");
        writer.Close();
    }

    private static void WriteState(IndentedWriter writer, CellLayout layout)
    {
        writer.Line();
        writer.Line("/// <summary>The supernet's state: the architecture, the relaxation, every candidate and the per-forward links.</summary>");
        writer.Open("private sealed class ParsecSupernet");
        writer.Line("public " + CSharp.SearchSpace + ".CellArchitecture? Architecture;");
        writer.Line("public " + Relaxation + "? Relaxation;");
        foreach (var member in layout.Cell.Members)
        {
            switch (member.Kind)
            {
                case ChoiceMemberKind.Operation:
                    writer.Line("public readonly " + Modules + " " + member.Name + " = new " + CSharp.TensorModule + "?["
                        + layout.SetOf(member).Candidates.Count + "];");
                    break;
                case ChoiceMemberKind.Family:
                    int size = layout.InputOf(member).InputNames.Count * layout.SetOf(member).Candidates.Count;
                    writer.Line("// Indexed input * candidates + candidate.");
                    writer.Line("public readonly " + Modules + " " + member.Name + " = new " + CSharp.TensorModule + "?[" + size + "];");
                    writer.Line("public readonly " + CSharp.Tensor + "?[] " + member.Name + "Outputs = new " + CSharp.Tensor + "?[" + size + "];");
                    break;
                case ChoiceMemberKind.Input when layout.FamiliesOf(member).Any():
                    writer.Line("public " + CSharp.Tensor + "[]? " + member.Name + "Tensors;");
                    writer.Line("public " + CSharp.ImmutableArray + "<int> " + member.Name + "Selection;");
                    break;
            }
        }
        writer.Close();
    }
}
