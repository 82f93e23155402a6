using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Parsec.Generators.Model;
using Parsec.Generators.Parsing;
using Parsec.Generators.Tests.Infrastructure;
using Xunit;

namespace Parsec.Generators.Tests;

/// <summary>
/// The syntax-first reading of choice members (<see cref="ChoiceSyntaxReader"/>, kept for speed) is a shortcut: over
/// every source the other tests use, and over spellings it must leave to the symbols, it gives exactly the models and
/// diagnostics of the symbol-only reading.
/// </summary>
public sealed class SyntaxFirstReadingTests
{
    private const string AliasUsings = "using Alias = Parsec.ChoiceAttribute;\nusing OpsAlias = Tests.Ops;\n";

    private const string CellHeader = "public sealed partial class Cell : nn.Module<Tensor, Tensor>\n{\n    public Cell() : base(\"Cell\") { }\n    public override Tensor forward(Tensor x) => x;\n";

    /// <summary>Spellings the shortcut reads, and spellings it must hand to the symbols.</summary>
    private static readonly string[] Spellings =
    {
        "[SearchCell] " + CellHeader + "    [Parsec.Choice(typeof(Ops))] private partial Tensor A(Tensor x);\n"
            + "    [ChoiceAttribute(typeof(Tests.Ops))] private partial TorchSharp.torch.Tensor B(Tensor x);\n"
            + "    [InputChoiceAttribute(Count = 1, Distinct = false)] private partial Tensor Pick(Tensor a, Tensor b);\n"
            + "    [Choice(typeof(Ops), PerInput = \"Pick\")] private partial Tensor F(int slot, Tensor x);\n"
            + "    [Choice(typeof(Ops), PerInput = nameof(Missing))] private partial Tensor G(int slot, Tensor x);\n"
            + "    [Choice(typeof(Ops), PerInput = nameof(A))] private partial Tensor H(int slot, Tensor x);\n"
            + "    [InputChoice(Count = 3)] private partial Tensor[] Many(Tensor a, Tensor b);\n"
            + "    [InputChoice(Count = -1)] private partial Tensor[] Negative(Tensor a, Tensor b);\n"
            + "    [Choice(typeof(Ops))] private partial int Wrong(Tensor x);\n"
            + "    [Choice(typeof(Ops))] private static partial Tensor Static(Tensor x);\n"
            + "    [Choice(typeof(Ops))] private partial Tensor Body(Tensor x) => x;\n"
            + "    [Choice(typeof(Ops))] private partial Tensor Twice(Tensor x);\n"
            + "    private partial Tensor Twice(Tensor x) => x;\n"
            + "    [Choice(typeof(Ops))] private partial Tensor Refs(ref Tensor x);\n"
            + "    [Choice(typeof(Ops))] private partial Tensor? Nullable(Tensor x);\n"
            + "    [Choice(typeof(Ops))] private partial Tensor Generic<T>(Tensor x);\n"
            + "}",
        "[SearchCell] " + CellHeader
            + "    [Alias(typeof(Ops))] private partial Tensor A(Tensor x);\n"
            + "    [Choice(typeof(OpsAlias))] private partial Tensor B(Tensor x);\n"
            + "}",
        "[SearchCell] " + CellHeader + "    [Choice(typeof(Ops))] private partial Tensor A(Tensor x);\n"
            + "    private static int nameof(string s) => 0;\n"
            + "    [InputChoice] private partial Tensor Pick(Tensor a, Tensor b);\n"
            + "    [Choice(typeof(Ops), PerInput = nameof(Pick))] private partial Tensor F(int slot, Tensor x);\n"
            + "}",
        "public sealed class ChoiceAttribute : System.Attribute { public ChoiceAttribute(System.Type t) { } }\n"
            + "[SearchCell] " + CellHeader + "    [Choice(typeof(Ops))] private partial Tensor A(Tensor x);\n"
            + "    [InputChoice] private partial Tensor Pick(Tensor a, Tensor b);\n"
            + "}",
        // Two cells in one file, one with its own Tensor: the same spelling means different types per class.
        "[SearchCell] " + CellHeader + "    [Choice(typeof(Ops))] private partial Tensor A(Tensor x);\n}\n"
            + "[SearchCell] public sealed partial class Other : nn.Module<Tensor, Tensor>\n{\n    public Other() : base(\"Other\") { }\n"
            + "    public override TorchSharp.torch.Tensor forward(TorchSharp.torch.Tensor x) => x;\n"
            + "    private sealed class Tensor { }\n    private sealed class Ops { }\n"
            + "    [Choice(typeof(Ops))] private partial Tensor A(Tensor x);\n"
            + "    [InputChoice] private partial Tensor Pick(Tensor a, Tensor b);\n}",
        // A non-attribute type named Choice (the compiler takes ChoiceAttribute), an attribute named InputChoice
        // (ambiguous with InputChoiceAttribute), and a field named nameof (not invocable: nameof stays the operator).
        "public sealed class Choice { }\npublic sealed class InputChoice : System.Attribute { }\n"
            + "[SearchCell] " + CellHeader + "    private static int nameof = 0;\n"
            + "    [Choice(typeof(Ops))] private partial Tensor A(Tensor x);\n"
            + "    [InputChoice] private partial Tensor Pick(Tensor a, Tensor b);\n"
            + "    [InputChoiceAttribute] private partial Tensor Other(Tensor a, Tensor b);\n"
            + "    [Choice(typeof(Ops), PerInput = nameof(Other))] private partial Tensor F(int slot, Tensor x);\n}",
        // Value choices of literals of the property's own type: the whole cell is read from syntax.
        "[SearchCell] " + CellHeader
            + "    [ValueChoice(1, 2)] private partial int A { get; }\n"
            + "    [ValueChoice(-1, -2, 0)] private partial int B { get; }\n"
            + "    [ValueChoice(1L, -3L)] private partial long C { get; }\n"
            + "    [ValueChoice(0.5, -0.0, 1e300, 2d)] private partial double D { get; }\n"
            + "    [ValueChoice(0.5f, -1.5F)] private partial float E { get; }\n"
            + "    [ValueChoice(\"a\", \"b\\n\\\"c\\\"\", @\"d\\e\")] private partial string G { get; }\n"
            + "    [ValueChoice('a', '\\'')] private partial char H { get; }\n"
            + "    [Parsec.ValueChoiceAttribute(true, false)] public partial bool I { get; }\n"
            + "    [ValueChoice(1u, 2U)] private partial uint J { get; }\n"
            + "    [InputChoice] private partial Tensor Pick(Tensor a, Tensor b);\n}",
        // Value choices only the symbols can read: conversions, unsigned negation, errors, decimals (no attribute argument).
        "[SearchCell] " + CellHeader
            + "    [ValueChoice(3, 4)] private partial byte A { get; }\n"
            + "    [ValueChoice(0.5)] private partial float B { get; }\n"
            + "    [ValueChoice(-2147483648)] private partial int C { get; }\n"
            + "    [ValueChoice(1, 2.5)] private partial double D { get; }\n"
            + "    [ValueChoice(1, 2)] private static partial int E { get; }\n"
            + "    [ValueChoice(1, 2)] private partial int F { get; set; }\n"
            + "    [ValueChoice] private partial int G { get; }\n"
            + "    [ValueChoice(1, 2)] private partial int? H { get; }\n"
            + "    [ValueChoice(null, \"a\")] private partial string? I { get; }\n"
            + "    [ValueChoice(1, 2)] private partial int J { get; }\n"
            + "    [ValueChoice(0.5m, -1m)] private partial decimal K { get; }\n}",
    };

    public static IEnumerable<object[]> SourceSets()
    {
        yield return new object[] { "darts", new[] { TestSources.DartsOps, TestSources.DartsCell } };
        yield return new object[] { "chain", new[] { TestSources.ChainCell } };
        yield return new object[] { "nested", new[] { TestSources.NestedCell } };
        yield return new object[] { "split", new[] { TestSources.DartsOps, Split(TestSources.DartsCell, first: true), Split(TestSources.DartsCell, first: false) } };
        foreach (var diagnosticCase in DiagnosticTests.Cases)
            yield return new object[] { (string)diagnosticCase[0], new[] { Markup.Parse(DiagnosticTests.Prelude + (string)diagnosticCase[2]).Source } };
        for (int i = 0; i < Spellings.Length; i++)
            yield return new object[] { "spelling" + i, new[] { (i == 1 ? AliasUsings : "") + DiagnosticTests.Prelude + Spellings[i] } };
        foreach (var variant in RobustnessTests.Variants())
            yield return new object[] { (string)variant[0], new[] { (string)variant[1] } };
        // Cells whose bodies spell names alike, where the names mean different things.
        const string TorchCell = "public override TorchSharp.torch.Tensor forward(TorchSharp.torch.Tensor x) => x;\n";
        yield return new object[] { "same spellings, other usings", new[]
        {
            DiagnosticTests.Prelude + "[SearchCell] " + CellHeader + "    [Choice(typeof(Ops))] private partial Tensor A(Tensor x);\n}",
            "using Parsec;\nusing Tensor = System.String;\nnamespace Tests;\n"
                + "[SearchCell] public sealed partial class Other : TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>\n{\n"
                + "    public Other() : base(\"Other\") { }\n    " + TorchCell
                + "    [Choice(typeof(Ops))] private partial Tensor A(Tensor x);\n}",
        } };
        yield return new object[] { "same spellings, other base", new[]
        {
            DiagnosticTests.Prelude + "[SearchCell] " + CellHeader + "    [Choice(typeof(Ops))] private partial Tensor A(Tensor x);\n}\n"
                + "public abstract class Based : nn.Module<Tensor, Tensor>\n{\n    protected Based(string name) : base(name) { }\n"
                + "    public sealed class Ops { }\n}\n"
                + "[SearchCell] public sealed partial class Other : Based\n{\n    public Other() : base(\"Other\") { }\n"
                + "    public override Tensor forward(Tensor x) => x;\n    [Choice(typeof(Ops))] private partial Tensor A(Tensor x);\n}",
        } };
        yield return new object[] { "same spellings, file-local type", new[]
        {
            DiagnosticTests.Prelude + "[SearchCell] " + CellHeader + "    [Choice(typeof(Ops))] private partial Tensor A(Tensor x);\n}",
            DiagnosticTests.Prelude.Replace("public static class Ops", "file static class Ops") + "[SearchCell] "
                + CellHeader.Replace("class Cell", "class Other").Replace("base(\"Cell\")", "base(\"Other\")").Replace("public Cell()", "public Other()")
                + "    [Choice(typeof(Ops))] private partial Tensor A(Tensor x);\n}",
        } };
    }

    [Fact]
    public void Syntax_first_and_symbol_only_readings_agree_on_every_test_source()
    {
        int compared = 0;
        var differences = new List<string>();
        foreach (var sourceSet in SourceSets())
            compared += Compare(GeneratorHarness.Compilation((string[])sourceSet[1]), (string)sourceSet[0], differences);
        Assert.Empty(differences);
        // Many broken variants no longer declare a cell; the rest still number in the hundreds.
        Assert.True(compared >= 250, $"only {compared} cells compared");
    }

    /// <summary>
    /// A <c>nameof</c> method that only metadata declares, imported by a <c>using static</c> (of the file or global) or
    /// inherited from a base class, makes <c>nameof(...)</c> an invocation; the syntax reading must see it too.
    /// </summary>
    [Theory]
    [InlineData("using static Outside.Imported;\n", "", "nn.Module<Tensor, Tensor>")]
    [InlineData("", "global using static Outside.Imported;", "nn.Module<Tensor, Tensor>")]
    [InlineData("", "", "Outside.Base")]
    [InlineData("", "", "nn.Module<Tensor, Tensor>")]
    public void A_nameof_declared_in_metadata_is_seen_by_both_readings(string usings, string otherFile, string baseType)
    {
        var outside = GeneratorHarness.Compilation(
            "namespace Outside;\n"
            + "public static class Imported { public static int nameof(string text) => 0; }\n"
            + "public abstract class Base : TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>\n"
            + "{\n    protected Base(string name) : base(name) { }\n    protected static int nameof(string text) => 0;\n}\n");
        using var image = new System.IO.MemoryStream();
        Assert.True(outside.Emit(image).Success);
        var compilation = GeneratorHarness.Compilation(
                usings + DiagnosticTests.Prelude
                + "[SearchCell] public sealed partial class Cell : " + baseType + "\n{\n"
                + "    public Cell() : base(\"Cell\") { }\n    public override Tensor forward(Tensor x) => x;\n"
                + "    [InputChoice] private partial Tensor Pick(Tensor a, Tensor b);\n"
                + "    [Choice(typeof(Ops), PerInput = nameof(Pick))] private partial Tensor F(int slot, Tensor x);\n}",
                otherFile)
            .AddReferences(MetadataReference.CreateFromImage(image.ToArray()));
        var differences = new List<string>();

        Assert.Equal(1, Compare(compilation, "nameof", differences));
        Assert.Empty(differences);
    }

    /// <summary>Parses every cell of <paramref name="compilation"/> both ways; adds <paramref name="name"/> to <paramref name="differences"/> for each that differs.</summary>
    private static int Compare(Compilation compilation, string name, List<string> differences)
    {
        var driver = GeneratorHarness.Driver(new ReadingComparisonGenerator()).RunGenerators(compilation);
        if (!driver.GetRunResult().Results[0].TrackedSteps.TryGetValue(ReadingComparisonGenerator.Step, out var steps)) return 0;
        int compared = 0;
        foreach (var output in steps.SelectMany(step => step.Outputs))
        {
            var (syntaxFirst, symbolsOnly) = ((ParseResult<CellModel>, ParseResult<CellModel>))output.Value;
            compared++;
            if (!syntaxFirst.Equals(symbolsOnly)) differences.Add(name);
        }
        return compared;
    }

    [Fact]
    public void Plain_choice_methods_are_read_from_syntax()
    {
        var compilation = GeneratorHarness.Compilation(TestSources.DartsOps, TestSources.DartsCell);
        var tree = compilation.SyntaxTrees.Last();
        var cell = compilation.GetTypeByMetadataName("Darts.NormalCell")!;
        var reader = new ChoiceSyntaxReader(cell, KnownTypes.For(compilation), compilation.GetSemanticModel(tree));

        var read = reader.TryReadAll(default);

        Assert.Equal(8, read?.Count ?? -1);
    }

    [Theory]
    [InlineData(6, 10)]
    [InlineData(7, -1)]
    public void A_cell_of_plain_members_is_read_wholly_from_syntax(int spelling, int members)
    {
        var compilation = GeneratorHarness.Compilation(DiagnosticTests.Prelude + Spellings[spelling]);
        var cell = compilation.GetTypeByMetadataName("Tests.Cell")!;
        var tree = compilation.SyntaxTrees.Single();
        var reader = new ChoiceSyntaxReader(cell, KnownTypes.For(compilation), compilation.GetSemanticModel(tree));

        var read = reader.TryReadAll(default);

        Assert.Equal(members, read?.Count ?? -1);
    }

    /// <summary>One half of the cell's members in each of two partial declarations, in two files.</summary>
    private static string Split(string cell, bool first)
    {
        int node2 = cell.IndexOf("    [InputChoice(Count = 2)] private partial Tensor[] Node2Inputs", System.StringComparison.Ordinal);
        int forward = cell.IndexOf("    /// <summary>Runs the cell", System.StringComparison.Ordinal);
        return first
            ? cell.Remove(node2, forward - node2)
            : cell.Substring(0, cell.IndexOf("/// <summary>A DARTS normal cell", System.StringComparison.Ordinal))
              + "public sealed partial class NormalCell\n{\n" + cell.Substring(node2, forward - node2) + "}\n";
    }
}
