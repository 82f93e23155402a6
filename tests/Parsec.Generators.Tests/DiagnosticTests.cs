using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Parsec.Generators.Tests.Infrastructure;
using Xunit;

namespace Parsec.Generators.Tests;

/// <summary>One case per diagnostic: its id, its severity and the exact span it is reported at (marked [|...|]).</summary>
public sealed class DiagnosticTests
{
    internal const string Prelude = """
        using Parsec;
        using TorchSharp;
        using static TorchSharp.torch;

        namespace Tests;

        [CandidateSet]
        public static class Ops
        {
            [Candidate] public static nn.Module<Tensor, Tensor> Relu(int features) => nn.ReLU();
            [Candidate] public static nn.Module<Tensor, Tensor> Tanh(int features) => nn.Tanh();
        }

        """;

    internal const string Cell = "[SearchCell] public sealed partial class Cell : nn.Module<Tensor, Tensor>\n{\n    public Cell() : base(\"Cell\") { }\n    public override Tensor forward(Tensor x) => x;\n";

    public static TheoryData<string, DiagnosticSeverity, string> Cases => new()
    {
        { "PARSEC001", DiagnosticSeverity.Error, "[SearchCell] public sealed class [|Plain|] : nn.Module<Tensor, Tensor>\n{\n    public Plain() : base(\"Plain\") { }\n    public override Tensor forward(Tensor x) => x;\n}" },
        { "PARSEC002", DiagnosticSeverity.Error, "[SearchCell] public sealed partial class [|NotAModule|]\n{\n    [Choice(typeof(Ops))] private partial Tensor Act(Tensor x);\n}" },
        { "PARSEC003", DiagnosticSeverity.Error, "[SearchCell] public sealed partial class Generic[|<T>|] : nn.Module<Tensor, Tensor>\n{\n    public Generic() : base(\"Generic\") { }\n    public override Tensor forward(Tensor x) => x;\n}" },
        { "PARSEC004", DiagnosticSeverity.Error, "public static class [|Holder|]\n{\n" + Cell + "    [Choice(typeof(Ops))] private partial Tensor Act(Tensor x);\n}\n}" },
        { "PARSEC005", DiagnosticSeverity.Warning, "[SearchCell] public sealed partial class [|Empty|] : nn.Module<Tensor, Tensor>\n{\n    public Empty() : base(\"Empty\") { }\n    public override Tensor forward(Tensor x) => x;\n}" },
        { "PARSEC006", DiagnosticSeverity.Info, "[SearchCell] public sealed partial class [|Sized|] : nn.Module<Tensor, Tensor>\n{\n    public Sized() : base(\"Sized\") { }\n    public override Tensor forward(Tensor x) => Act(x);\n    [Choice(typeof(Ops))] private partial Tensor Act(Tensor x);\n}" },
        { "PARSEC007", DiagnosticSeverity.Error, "[SearchModel] public sealed class [|Net|] : nn.Module<Tensor, Tensor>\n{\n    public Net() : base(\"Net\") { }\n    public override Tensor forward(Tensor x) => x;\n}" },
        { "PARSEC008", DiagnosticSeverity.Error, "[SearchCell] public partial struct [|Point|]\n{\n    [Choice(typeof(Ops))] private partial Tensor Act(Tensor x);\n}" },
        { "PARSEC009", DiagnosticSeverity.Error, Cell + "    public int [|Space|] => 0;\n    [Choice(typeof(Ops))] private partial Tensor Act(Tensor x);\n}" },
        { "PARSEC010", DiagnosticSeverity.Error, Cell + "    [Choice(typeof(Ops))] private Tensor [|Act|](Tensor x) => x;\n}" },
        { "PARSEC011", DiagnosticSeverity.Error, Cell + "    [[|Choice(typeof(Ops))|]] private nn.Module<Tensor, Tensor>? act;\n}" },
        { "PARSEC012", DiagnosticSeverity.Error, Cell + "    [Choice(typeof(Ops))][[|InputChoice|]] private partial Tensor Act(Tensor x);\n}" },
        { "PARSEC013", DiagnosticSeverity.Error, Cell + "    [Choice(typeof(Ops))] private partial Tensor Act[|(int x)|];\n}" },
        { "PARSEC014", DiagnosticSeverity.Error, Cell + "    [InputChoice] private partial Tensor Pick(Tensor a, [|int b|]);\n}" },
        { "PARSEC015", DiagnosticSeverity.Error, Cell + "    [ValueChoice(1, 2)] private partial int Depth { get; [|set;|] }\n}" },
        { "PARSEC016", DiagnosticSeverity.Error, Cell + "    [InputChoice(Count = [|3|])] private partial Tensor[] Pick(Tensor a, Tensor b);\n}" },
        { "PARSEC017", DiagnosticSeverity.Error, Cell + "    [Choice(typeof(Ops), PerInput = [|\"Missing\"|])] private partial Tensor Op(int slot, Tensor x);\n}" },
        { "PARSEC018", DiagnosticSeverity.Error, Cell + "    private Tensor Plain(Tensor x) => x;\n    [Choice(typeof(Ops), PerInput = [|nameof(Plain)|])] private partial Tensor Op(int slot, Tensor x);\n}" },
        { "PARSEC020", DiagnosticSeverity.Error, Cell + "    [Choice([|typeof(string)|])] private partial Tensor Act(Tensor x);\n}" },
        { "PARSEC021", DiagnosticSeverity.Error, "[CandidateSet] public static class None { }\n" + Cell + "    [Choice([|typeof(None)|])] private partial Tensor Act(Tensor x);\n}" },
        { "PARSEC022", DiagnosticSeverity.Warning, "[CandidateSet] public static class One { [Candidate] public static nn.Module<Tensor, Tensor> Relu(int f) => nn.ReLU(); }\n" + Cell + "    [Choice([|typeof(One)|])] private partial Tensor Act(Tensor x);\n}" },
        { "PARSEC023", DiagnosticSeverity.Error, "[CandidateSet] public static class Twice\n{\n    [Candidate] public static nn.Module<Tensor, Tensor> Relu(int f) => nn.ReLU();\n    [Candidate] public static nn.Module<Tensor, Tensor> Relu(long f) => nn.ReLU();\n}\n" + Cell + "    [Choice([|typeof(Twice)|])] private partial Tensor Act(Tensor x);\n}" },
        { "PARSEC024", DiagnosticSeverity.Error, "[CandidateSet] public static class Mixed\n{\n    [Candidate] public static nn.Module<Tensor, Tensor> Relu(int f) => nn.ReLU();\n    [Candidate] public static nn.Module<Tensor, Tensor> Tanh(int f, int g) => nn.Tanh();\n}\n" + Cell + "    [Choice([|typeof(Mixed)|])] private partial Tensor Act(Tensor x);\n}" },
        { "PARSEC025", DiagnosticSeverity.Error, "[CandidateSet] public static class Returns\n{\n    [Candidate] public static nn.Module<Tensor, Tensor> Relu(int f) => nn.ReLU();\n    [Candidate] public static object Tanh(int f) => nn.Tanh();\n}\n" + Cell + "    [Choice([|typeof(Returns)|])] private partial Tensor Act(Tensor x);\n}" },
        { "PARSEC026", DiagnosticSeverity.Error, "[CandidateSet] public class Instance\n{\n    [Candidate] public static nn.Module<Tensor, Tensor> Relu(int f) => nn.ReLU();\n    [Candidate] public nn.Module<Tensor, Tensor> Tanh(int f) => nn.Tanh();\n}\n" + Cell + "    [Choice([|typeof(Instance)|])] private partial Tensor Act(Tensor x);\n}" },
        { "PARSEC030", DiagnosticSeverity.Error, Cell + "    [[|ValueChoice|]] private partial int Depth { get; }\n}" },
        { "PARSEC031", DiagnosticSeverity.Error, Cell + "    [ValueChoice(1, [|\"two\"|])] private partial int Depth { get; }\n}" },
        { "PARSEC032", DiagnosticSeverity.Error, Cell + "    [ValueChoice([|0.5|], 0.25)] private partial float Rate { get; }\n}" },
        { "PARSEC033", DiagnosticSeverity.Error, Cell + "    [ValueChoice(1, 2, [|2|])] private partial int Depth { get; }\n}" },
        { "PARSEC034", DiagnosticSeverity.Error, Cell + "    [ValueChoice([|new[] { 1, 2, 4 }|])] private partial int Depth { get; }\n}" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnostic_is_reported_with_its_severity_at_the_offending_syntax(string id, DiagnosticSeverity severity, string markup)
    {
        var (source, span) = Markup.Parse(Prelude + markup);

        var run = GeneratorHarness.Run(source);

        Assert.Null(run.Result.Results[0].Exception);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        var expectedLines = Microsoft.CodeAnalysis.Text.SourceText.From(source).Lines.GetLinePositionSpan(span);
        Assert.Equal(expectedLines, diagnostic.Location.GetLineSpan().Span);
        Assert.Equal("Parsec", diagnostic.Descriptor.Category);
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.GetMessage(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Every_descriptor_has_a_case_and_a_section_in_the_docs()
    {
        var ids = typeof(SearchCellGenerator).Assembly.GetType("Parsec.Generators.DiagnosticDescriptors")!
            .GetFields().Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id).ToList();
        var tested = Cases.Select(c => (string)c[0]).ToList();
        string docs = System.IO.File.ReadAllText(DocsPath());

        Assert.Equal(ids.OrderBy(i => i), tested.OrderBy(i => i));
        Assert.All(ids, id => Assert.Contains("## " + id, docs));
    }

    [Fact]
    public void Every_descriptor_links_to_its_section_of_the_docs()
    {
        var descriptors = typeof(SearchCellGenerator).Assembly.GetType("Parsec.Generators.DiagnosticDescriptors")!
            .GetFields().Where(f => f.FieldType == typeof(DiagnosticDescriptor)).Select(f => (DiagnosticDescriptor)f.GetValue(null)!).ToList();
        var anchors = Anchors(System.IO.File.ReadAllLines(DocsPath()));
        var repository = System.Xml.Linq.XDocument.Load(System.IO.Path.Combine(RepositoryRoot(), "Directory.Build.props"))
            .Descendants("RepositoryUrl").Single().Value;

        Assert.NotEmpty(descriptors);
        Assert.All(descriptors, descriptor =>
        {
            string prefix = repository + "/blob/main/docs/diagnostics.md#";
            Assert.StartsWith(prefix, descriptor.HelpLinkUri, System.StringComparison.Ordinal);
            string anchor = descriptor.HelpLinkUri.Substring(prefix.Length);
            Assert.Contains(anchor, anchors);
            Assert.Equal(descriptor.Id.ToLowerInvariant(), anchor);
        });
    }

    /// <summary>
    /// The anchors GitHub gives a Markdown file: each heading's slug (lower case, punctuation but hyphens and
    /// underscores dropped, spaces as hyphens; a repeated slug gets -1, -2, ...) and every explicit <c>id</c>/<c>name</c>.
    /// </summary>
    private static HashSet<string> Anchors(string[] lines)
    {
        var anchors = new HashSet<string>();
        var headings = new Dictionary<string, int>();
        bool inFence = false;
        foreach (string line in lines)
        {
            if (line.StartsWith("```", System.StringComparison.Ordinal)) inFence = !inFence;
            if (inFence) continue;
            foreach (Match explicitAnchor in Regex.Matches(line, "<a (?:id|name)=\"([^\"]+)\""))
                anchors.Add(explicitAnchor.Groups[1].Value);
            var heading = Regex.Match(line, "^#{1,6} +(.*?) *#*$");
            if (!heading.Success) continue;
            string slug = Regex.Replace(heading.Groups[1].Value.ToLowerInvariant(), "[^\\p{L}\\p{Nd}\\- _]", "").Replace(' ', '-');
            headings.TryGetValue(slug, out int seen);
            headings[slug] = seen + 1;
            anchors.Add(seen == 0 ? slug : slug + "-" + seen.ToString(CultureInfo.InvariantCulture));
        }
        return anchors;
    }

    [Fact]
    public void Messages_say_what_to_change()
    {
        var (source, _) = Markup.Parse(Prelude + Cell + "    [InputChoice(Count = [|3|])] private partial Tensor[] Pick(Tensor a, Tensor b);\n}");

        var diagnostic = Assert.Single(GeneratorHarness.Run(source).GeneratorDiagnostics, d => d.Id == "PARSEC016");

        Assert.Equal("Input choice 'Pick' has 2 input(s), so its Count must be between 1 and 2, not 3",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_repeated_value_is_named_and_equal_values_count_as_repeated()
    {
        var (source, _) = Markup.Parse(Prelude + Cell + "    [ValueChoice(0.0, 1.0, [|-0.0|])] private partial double Scale { get; }\n}");

        var diagnostic = Assert.Single(GeneratorHarness.Run(source).GeneratorDiagnostics, d => d.Id == "PARSEC033");

        Assert.StartsWith("Value -0.0 of 'Scale' equals value 0.0 listed before it", diagnostic.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    /// <summary>A choice member the compiler rejects (here an array where values go) is no cell without choices.</summary>
    [Theory]
    [InlineData("[ValueChoice(new[] { 1, 2, 4 })] private partial int Depth { get; }")]
    [InlineData("[ValueChoice(1, Missing)] private partial int Depth { get; }")]
    [InlineData("[Choice(typeof(Missing))] private partial Tensor Act(Tensor x);")]
    public void A_rejected_choice_member_is_not_reported_as_no_choice(string member)
    {
        var run = GeneratorHarness.Run(Prelude + Cell + "    " + member + "\n}");

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "PARSEC005");
    }

    [Theory]
    [InlineData("[Choice(typeof(Ops))] private partial Tensor Act(Tensor x);", "Cell: 1 choice, 2 architectures")]
    [InlineData("[ValueChoice(7)] private partial int Depth { get; }", "Cell: 1 choice, 1 architecture")]
    [InlineData("[ValueChoice(1, 2)] private partial int Depth { get; }\n    [ValueChoice(3, 4)] private partial int Width { get; }", "Cell: 2 choices, 4 architectures")]
    public void The_size_info_counts_in_singular_and_plural(string members, string expected)
    {
        var run = GeneratorHarness.Run(Prelude + Cell + "    " + members + "\n}");

        var info = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PARSEC006");
        Assert.Equal(expected, info.GetMessage(CultureInfo.InvariantCulture));
    }

    internal static string DocsPath() => System.IO.Path.Combine(RepositoryRoot(), "docs", "diagnostics.md");

    internal static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "") =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(thisFile)!, "..", ".."));
}
