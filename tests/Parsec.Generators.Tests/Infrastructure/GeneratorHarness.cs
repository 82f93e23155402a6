using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Parsec.Generators.Tests.Infrastructure;

/// <summary>Builds in-memory compilations that reference TorchSharp and Parsec, and runs the generator over them.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static CSharpCompilation Compilation(params string[] sources) =>
        Compilation(sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, $"/src/Source{i}.cs")));

    public static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create(
            "ParsecGeneratorTests",
            trees,
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999));

    public static GeneratorDriver Driver() => Driver(new SearchCellGenerator());

    public static GeneratorDriver Driver(IIncrementalGenerator generator) =>
        CSharpGeneratorDriver.Create(
            new[] { generator.AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once over <paramref name="sources"/>.</summary>
    public static GeneratorRun Run(params string[] sources)
    {
        var compilation = Compilation(sources);
        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var driverDiagnostics);
        return new GeneratorRun(driver.GetRunResult(), output, driverDiagnostics);
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The framework facades plus TorchSharp and Parsec; not the test assembly, whose generated samples would clash.
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        var framework = trusted.Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name
                && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll" or "System.dll"));
        var parsec = new[]
        {
            typeof(TorchSharp.torch).Assembly.Location,
            typeof(Parsec.SearchSpace.CellSearchSpace).Assembly.Location,
            typeof(Parsec.SearchCellAttribute).Assembly.Location,
        };
        return framework.Concat(parsec).Distinct().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    }
}

/// <summary>One generator run: its result, the compilation with the generated sources, and the driver's own diagnostics.</summary>
internal sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> DriverDiagnostics)
{
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Results[0].Diagnostics;

    public string Generated(string hintName) =>
        Result.Results[0].GeneratedSources.Single(source => source.HintName == hintName).SourceText.ToString();

    /// <summary>Every warning or error of the compilation with the generated code, but missing docs on test sources.</summary>
    public IEnumerable<Diagnostic> CompilationProblems() =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning
            && !(d.Id == "CS1591" && d.Location.SourceTree?.FilePath.StartsWith("/src/", StringComparison.Ordinal) == true));
}
