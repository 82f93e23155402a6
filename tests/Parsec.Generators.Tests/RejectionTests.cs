using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Parsec.Generators.Tests.Infrastructure;
using Xunit;

namespace Parsec.Generators.Tests;

/// <summary>
/// A PARSEC error is what the user reads: what the generator rejects, it still implements (with a throw naming the
/// error), so the compiler adds no error about a missing implementation part or a clash in the generated file.
/// </summary>
public sealed class RejectionTests
{
    /// <summary>Errors about the generated code's absence or its names, which a PARSEC error explains better.</summary>
    private static readonly string[] CascadingIds = { "CS8795", "CS0751", "CS9248", "CS0102", "CS0111", "CS0101", "CS0229" };

    /// <summary>
    /// The errors whose cell the generator cannot add a declaration to (not partial, generic, in a type that is not
    /// partial), so that only the compiler can say what is missing.
    /// </summary>
    private static readonly string[] Unextensible = { "PARSEC001", "PARSEC003", "PARSEC004" };

    public static IEnumerable<object[]> ErrorCases() =>
        DiagnosticTests.Cases.Where(c => (DiagnosticSeverity)c[1] == DiagnosticSeverity.Error && !Unextensible.Contains((string)c[0]))
            .Select(c => new[] { c[0], c[2] });

    public static TheoryData<string, string> MoreCases => new()
    {
        { "PARSEC002", "[SearchCell] public sealed partial class NotAModule\n{\n    [ValueChoice(1, 2)] private partial int Depth { get; }\n}" },
        { "PARSEC008", "[SearchCell] public partial record struct Point(int X)\n{\n    [ValueChoice(1, 2)] private partial int Depth { get; }\n}" },
        { "PARSEC009", "public sealed class CellArchitecture { }\n" + DiagnosticTests.Cell + "    [Choice(typeof(Ops))] private partial Tensor Act(Tensor x);\n    private sealed class Relaxation { }\n}" },
        { "PARSEC009", DiagnosticTests.Cell + "    [Choice(typeof(Ops))] private partial Tensor Act(Tensor x);\n    private void BuildAct(int features) { }\n    private int parsecAct;\n}" },
        { "PARSEC013", DiagnosticTests.Cell + "    [Choice(typeof(Ops))] private partial Tensor Act<T>(T x);\n    [Choice(typeof(Ops))] internal partial Tensor Refs(ref Tensor x, out int y, params int[] z);\n}" },
        { "PARSEC015", DiagnosticTests.Cell + "    [ValueChoice(1, 2)] public partial int Depth { get; private set; }\n    [ValueChoice(1, 2)] private static partial int Width { get; }\n}" },
        { "PARSEC017", DiagnosticTests.Cell + "    [InputChoice(Count = 2)] private partial Tensor[] Pick(Tensor a, Tensor b);\n    [Choice(typeof(Ops), PerInput = \"Pik\")] private partial Tensor Op(int slot, Tensor x);\n}" },
        { "CS0246", DiagnosticTests.Cell + "    [Choice(typeof(Missing))] private partial Tensor Act(Tensor x);\n    [ValueChoice(1, Missing)] private partial int Depth { get; }\n}" },
    };

    [Theory]
    [MemberData(nameof(ErrorCases))]
    [MemberData(nameof(MoreCases))]
    public void The_compiler_adds_no_cascading_error_to_a_parsec_error(string id, string markup)
    {
        string source = markup.Contains("[|", System.StringComparison.Ordinal) ? Markup.Parse(DiagnosticTests.Prelude + markup).Source : DiagnosticTests.Prelude + markup;

        var run = GeneratorHarness.Run(source);

        Assert.Null(run.Result.Results[0].Exception);
        var errors = run.GeneratorDiagnostics.Concat(run.Output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Contains(errors, d => d.Id == id);
        Assert.DoesNotContain(errors, d => CascadingIds.Contains(d.Id));
        // [SearchCell] is valid on a struct so that PARSEC008, not the compiler's bare CS0592, says what to write.
        Assert.DoesNotContain(errors, d => d.Id == "CS0592" && id == "PARSEC008");
        Assert.DoesNotContain(errors, d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_rejected_member_throws_naming_the_error()
    {
        var run = GeneratorHarness.Run(DiagnosticTests.Prelude + DiagnosticTests.Cell
            + "    [Choice(typeof(Ops))] private partial Tensor Act(int x);\n    [ValueChoice(1, 2)] private partial int Depth { get; set; }\n}");

        string generated = run.Generated("Tests.Cell.SearchCell.g.cs");
        Assert.Contains("private partial global::TorchSharp.torch.Tensor Act(int x) => throw new global::System.InvalidOperationException(\"Act is not generated: fix the Parsec error PARSEC013 reported at it.\");", generated, System.StringComparison.Ordinal);
        Assert.Contains("set => throw new global::System.InvalidOperationException(\"Depth is not generated: fix the Parsec error PARSEC015 reported at it.\");", generated, System.StringComparison.Ordinal);
    }

    /// <summary>Every name PARSEC009 guards is listed in its section of the docs.</summary>
    [Fact]
    public void The_docs_list_every_generated_member_name()
    {
        string docs = System.IO.File.ReadAllText(DiagnosticTests.DocsPath());
        string section = docs.Substring(docs.IndexOf("## PARSEC009", System.StringComparison.Ordinal));
        section = section.Substring(0, section.IndexOf("\n## ", 3, System.StringComparison.Ordinal));
        var run = GeneratorHarness.Run(DiagnosticTests.Prelude + DiagnosticTests.Cell + "    [Choice(typeof(Ops))] private partial Tensor Act(Tensor x);\n}");
        var generated = run.Output.GetTypeByMetadataName("Tests.Cell")!.GetMembers()
            .Where(m => !m.IsImplicitlyDeclared && m is not IMethodSymbol { AssociatedSymbol: not null } && m.Locations.All(l => l.SourceTree!.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal)))
            .Select(m => m.Name.Replace("Act", "{Member}", System.StringComparison.Ordinal).Replace("Ops", "{Set}", System.StringComparison.Ordinal))
            .Distinct().ToList();

        Assert.Contains("`Space`", section, System.StringComparison.Ordinal);
        Assert.All(generated, name => Assert.Contains("`" + name + "`", section, System.StringComparison.Ordinal));
        Assert.Contains("`{Cell}Architecture`", section, System.StringComparison.Ordinal);
    }

    /// <summary>A candidate set need not be static: its candidates must be (PARSEC026), the class is copied as written.</summary>
    [Fact]
    public void A_candidate_set_that_is_not_static_is_allowed()
    {
        var run = GeneratorHarness.Run(DiagnosticTests.Prelude.Replace("public static class Ops", "public sealed class Ops", System.StringComparison.Ordinal)
            + DiagnosticTests.Cell + "    [Choice(typeof(Ops))] private partial Tensor Act(Tensor x);\n}");

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Empty(run.CompilationProblems());
    }
}
