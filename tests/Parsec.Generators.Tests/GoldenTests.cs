using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Parsec.Generators.Tests.Infrastructure;
using Xunit;

namespace Parsec.Generators.Tests;

/// <summary>
/// The generated source of representative cells, compared exactly with Golden/*.g.cs.txt. Set PARSEC_UPDATE_GOLDEN=1
/// to rewrite the files after an intended change, then review the diff.
/// </summary>
public sealed class GoldenTests
{
    [Theory]
    [InlineData("Darts.NormalCell.SearchCell.g.cs", new[] { TestSources.DartsOps, TestSources.DartsCell })]
    [InlineData("Chains.ChainCell.SearchCell.g.cs", new[] { TestSources.ChainCell })]
    [InlineData("Outer.Inner.Blocks.NormBlock.SearchCell.g.cs", new[] { TestSources.NestedCell })]
    [InlineData("Darts.DartsNetwork.SearchModel.g.cs", new[] { TestSources.DartsOps, TestSources.DartsCell, TestSources.Network })]
    public void Generated_source_matches_the_golden_file(string hintName, string[] sources)
    {
        var run = GeneratorHarness.Run(sources);

        Assert.DoesNotContain(run.DriverDiagnostics, d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);
        Assert.Empty(run.CompilationProblems());
        string generated = run.Generated(hintName);
        string golden = Path.Combine(GoldenDirectory(), hintName + ".txt");
        if (Environment.GetEnvironmentVariable("PARSEC_UPDATE_GOLDEN") == "1")
            File.WriteAllText(golden, generated);
        Assert.True(File.Exists(golden), $"No golden file {golden}; run with PARSEC_UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(golden), generated);
    }

    [Fact]
    public void Darts_cell_space_info_counts_choices_and_architectures()
    {
        var run = GeneratorHarness.Run(TestSources.DartsOps, TestSources.DartsCell);

        var info = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PARSEC006");
        // 4 input choices and 8 family slots; (2*1)(3*2)(4*3)(5*4) input selections times 7^8 operations.
        Assert.Equal("NormalCell: 12 choices, 1.7e10 architectures", info.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string GoldenDirectory([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Golden");
}
