using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Parsec.Generators.Tests.Infrastructure;
using Xunit;

namespace Parsec.Generators.Tests;

/// <summary>An edit elsewhere reuses every step's output; an edit of a cell re-emits it.</summary>
public sealed class IncrementalityTests
{
    /// <summary>Every step the generator tracks.</summary>
    internal static readonly string[] TrackedSteps =
    {
        SearchCellGenerator.Steps.CellResults,
        SearchCellGenerator.Steps.CellModels,
        SearchCellGenerator.Steps.CellDiagnostics,
        SearchCellGenerator.Steps.SearchModelResults,
        SearchCellGenerator.Steps.SearchModels,
        SearchCellGenerator.Steps.SearchModelDiagnostics,
    };

    [Fact]
    public void Adding_and_editing_an_unrelated_file_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.Compilation(TestSources.DartsOps, TestSources.DartsCell, TestSources.ChainCell, TestSources.Network);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);

        var unrelated = CSharpSyntaxTree.ParseText("namespace Other; public static class Helper { public static int One() => 1; }",
            GeneratorHarness.ParseOptions, "/src/Helper.cs");
        compilation = compilation.AddSyntaxTrees(unrelated);
        driver = driver.RunGenerators(compilation);
        AssertAllReused(driver.GetRunResult());

        var edited = unrelated.WithChangedText(unrelated.GetText().Replace(unrelated.ToString().IndexOf("1;"), 1, "2"));
        compilation = compilation.ReplaceSyntaxTree(unrelated, edited);
        driver = driver.RunGenerators(compilation);
        AssertAllReused(driver.GetRunResult());
    }

    [Fact]
    public void Editing_a_cell_modifies_its_model()
    {
        var compilation = GeneratorHarness.Compilation(TestSources.ChainCell);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);

        var cell = compilation.SyntaxTrees.Single();
        string text = cell.ToString();
        var edited = cell.WithChangedText(cell.GetText().Replace(text.IndexOf("1, 2, 3"), "1, 2, 3".Length, "1, 2, 4"));
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(cell, edited));

        var steps = driver.GetRunResult().Results[0].TrackedSteps[SearchCellGenerator.Steps.CellModels];
        Assert.Contains(steps.SelectMany(s => s.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("{ 1, 2, 4 }", driver.GetRunResult().Results[0].GeneratedSources.Single().SourceText.ToString());
    }

    private static void AssertAllReused(GeneratorDriverRunResult run)
    {
        var result = run.Results[0];
        foreach (string step in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.TryGetValue(step, out var runs), $"step {step} did not run");
            foreach (var output in runs.SelectMany(r => r.Outputs))
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"{step} produced a {output.Reason} output");
        }
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
    }
}
