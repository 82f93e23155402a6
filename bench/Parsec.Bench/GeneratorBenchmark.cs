using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Parsec.Generators;

namespace Parsec.Bench;

/// <summary>
/// How long the Parsec generator takes on a project of DARTS-like cells: a cold run (fresh driver and compilation)
/// and a warm rerun after an edit of an unrelated file, the editor's common case. Medians over repetitions.
/// </summary>
public sealed class GeneratorBenchmark : IBenchmark
{
    private const int DefaultCells = 100;
    private const int Repetitions = 9;

    public string Name => "generator";

    public string Description => "Parsec source generator time for 100 cells: cold run and rerun after an unrelated edit";

    public Task<int> RunAsync(string[] args)
    {
        int cells = args.Length > 0 && int.TryParse(args[0], out int given) ? given : DefaultCells;
        var project = new GeneratorBenchmarkProject(cells);

        // One untimed run so that JIT compilation of Roslyn and the generator is not measured.
        int generatedFiles = Cold(project).GeneratedFiles;

        var coldTimes = new List<double>();
        for (int i = 0; i < Repetitions; i++) coldTimes.Add(Cold(project).Milliseconds);

        var compilation = project.Compilation();
        var driver = NewDriver().RunGenerators(compilation);
        var warmTimes = new List<double>();
        int reemitted = 0;
        for (int edit = 1; edit <= Repetitions; edit++)
        {
            compilation = GeneratorBenchmarkProject.EditUnrelated(compilation, edit);
            var watch = Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            watch.Stop();
            warmTimes.Add(watch.Elapsed.TotalMilliseconds);
            reemitted = Math.Max(reemitted, NotReused(driver.GetRunResult()));
        }

        double coldMedian = Median(coldTimes), warmMedian = Median(warmTimes);
        Console.WriteLine($"cells: {cells}, generated files: {generatedFiles}, repetitions: {Repetitions}");
        Console.WriteLine($"cold run:               median {coldMedian:F1} ms (min {coldTimes.Min():F1}, max {coldTimes.Max():F1})");
        Console.WriteLine($"after unrelated edit:   median {warmMedian:F1} ms (min {warmTimes.Min():F1}, max {warmTimes.Max():F1}), outputs not reused: {reemitted}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"benchmark\":\"generator\",\"cells\":{cells},\"generated_files\":{generatedFiles},\"repetitions\":{Repetitions},"
            + $"\"generator_ms\":{coldMedian:F2},\"unrelated_edit_ms\":{warmMedian:F2},\"emitted_on_unrelated_edit\":{reemitted}}}"));
        return Task.FromResult(reemitted == 0 ? 0 : 1);
    }

    /// <summary>A fresh driver over a fresh compilation: nothing bound or cached beforehand.</summary>
    private static (double Milliseconds, int GeneratedFiles) Cold(GeneratorBenchmarkProject project)
    {
        var compilation = project.Compilation();
        var watch = Stopwatch.StartNew();
        var driver = NewDriver().RunGenerators(compilation);
        watch.Stop();
        return (watch.Elapsed.TotalMilliseconds, driver.GetRunResult().Results[0].GeneratedSources.Length);
    }

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new SearchCellGenerator().AsSourceGenerator() },
            parseOptions: GeneratorBenchmarkProject.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>How many outputs of the generator's source-producing steps were neither cached nor unchanged.</summary>
    private static int NotReused(GeneratorDriverRunResult run) =>
        run.Results[0].TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs)
            .Count(output => output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }
}
