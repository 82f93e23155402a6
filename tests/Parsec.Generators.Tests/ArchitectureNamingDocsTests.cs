using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Parsec.Generators.Tests.Infrastructure;
using Xunit;

namespace Parsec.Generators.Tests;

/// <summary>docs/architecture.md's naming rule of the typed architecture's enums says what the generator emits.</summary>
public sealed class ArchitectureNamingDocsTests
{
    private const string Heading = "### The typed architecture's names";

    [Fact]
    public void Every_enum_of_the_documented_example_is_generated_with_its_members()
    {
        string generated = GeneratorHarness.Run(TestSources.ChainCell).Generated("Chains.ChainCell.SearchCell.g.cs");
        var documented = Regex.Matches(Section(), @"public enum (\w+) \{ ([^}]*) \}");

        Assert.Equal(new[] { "ActivationsCandidate", "SkipOption" }, documented.Select(match => match.Groups[1].Value));
        foreach (Match match in documented)
        {
            string[] members = match.Groups[2].Value.Split(',').Select(member => member.Trim()).ToArray();
            var emitted = Regex.Match(generated, @"public enum " + match.Groups[1].Value + @"\s*\{(?<body>[^}]*)\}");
            Assert.True(emitted.Success, $"no enum {match.Groups[1].Value} in the generated code");
            Assert.Equal(members, Regex.Matches(emitted.Groups["body"].Value, @"^\s*(\w+),", RegexOptions.Multiline).Select(m => m.Groups[1].Value));
        }
        Assert.Contains("ChainCellArchitecture.ActivationsCandidate Act,", generated);
        Assert.Contains("ChainCellArchitecture.SkipOption Skip,", generated);
        Assert.Contains("int Depth,", generated);
    }

    [Fact]
    public void The_documented_clash_gets_the_documented_suffix()
    {
        Assert.Contains("a set `Act` chosen by a member `ActCandidate` gives the enum `ActCandidate2`", Section());
        const string source = DiagnosticTests.Prelude + """
            [CandidateSet]
            public static class Act
            {
                [Candidate] public static nn.Module<Tensor, Tensor> Relu(int features) => nn.ReLU();
                [Candidate] public static nn.Module<Tensor, Tensor> Tanh(int features) => nn.Tanh();
            }

            [SearchCell] public sealed partial class Clash : nn.Module<Tensor, Tensor>
            {
                public Clash() : base("Clash") { }
                public override Tensor forward(Tensor x) => ActCandidate(x);
                [Choice(typeof(Act))] private partial Tensor ActCandidate(Tensor x);
            }
            """;

        string generated = GeneratorHarness.Run(source).Generated("Tests.Clash.SearchCell.g.cs");

        Assert.Contains("public enum ActCandidate2", generated);
    }

    private static string Section()
    {
        string docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "architecture.md"));
        int start = docs.IndexOf(Heading, System.StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/architecture.md has no section '{Heading}'");
        int end = docs.IndexOf("\n#", start + Heading.Length, System.StringComparison.Ordinal);
        return docs[start..(end < 0 ? docs.Length : end)];
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
