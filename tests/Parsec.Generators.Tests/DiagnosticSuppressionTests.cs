using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Parsec.Generators.Tests.Infrastructure;
using Xunit;

namespace Parsec.Generators.Tests;

/// <summary>
/// Parsec's diagnostics are located in the source tree, so that the compiler applies <c>#pragma warning disable</c>
/// to them; a location rebuilt from a file path is an external one, which no pragma reaches.
/// </summary>
public sealed class DiagnosticSuppressionTests
{
    private const string EmptyCell =
        "[SearchCell] public sealed partial class Empty : nn.Module<Tensor, Tensor>\n{\n"
        + "    public Empty() : base(\"Empty\") { }\n    public override Tensor forward(Tensor x) => x;\n}\n";

    [Fact]
    public async Task A_pragma_suppresses_a_parsec_warning()
    {
        var suppressed = await CompilerView(DiagnosticTests.Prelude + "#pragma warning disable PARSEC005\n" + EmptyCell + "#pragma warning restore PARSEC005\n");

        var warning = Assert.Single(suppressed, d => d.Id == "PARSEC005");
        Assert.True(warning.IsSuppressed);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
    }

    [Fact]
    public async Task Without_a_pragma_the_warning_stands()
    {
        var reported = await CompilerView(DiagnosticTests.Prelude + EmptyCell);

        var warning = Assert.Single(reported, d => d.Id == "PARSEC005");
        Assert.False(warning.IsSuppressed);
        Assert.True(warning.Location.IsInSource);
    }

    /// <summary>
    /// The generator's diagnostics as the compiler filters them: run through the driver, then handed to the compiler's
    /// analyzer pipeline (which applies pragmas as it does to every diagnostic located in a tree), suppressed ones kept
    /// and marked.
    /// </summary>
    private static async Task<ImmutableArray<Diagnostic>> CompilerView(string source)
    {
        var compilation = GeneratorHarness.Compilation(source);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var reported = driver.GetRunResult().Diagnostics;
        Assert.NotEmpty(reported);

        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null,
            concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true);
        return await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new Replay(reported)), options)
            .GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>Reports the given diagnostics again, as an analyzer, so that the compiler filters them.</summary>
#pragma warning disable RS1001 // passed to WithAnalyzers directly, never loaded by the compiler
    private sealed class Replay : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        private readonly ImmutableArray<Diagnostic> diagnostics;

        public Replay(ImmutableArray<Diagnostic> diagnostics) => this.diagnostics = diagnostics;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics =>
            diagnostics.Select(d => d.Descriptor).Distinct().ToImmutableArray();

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationAction(compilation =>
            {
                foreach (var diagnostic in diagnostics) compilation.ReportDiagnostic(diagnostic);
            });
        }
    }
}
