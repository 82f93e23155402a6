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
/// How long the Parsec generator takes on a project of DARTS-like cells, in a warmed-up process (JIT done by untimed
/// runs until a cold run stops getting faster, so that tiered compilation has moved the hot code of Roslyn and the
/// generator to optimized code, as in a long-lived compiler server or IDE): a cold run (fresh driver over a fresh compilation of already parsed trees, so that nothing is bound or
/// cached beforehand) and a rerun after an edit of an unrelated file, the editor's common case. Each figure is the
/// median over repetitions of the wall time of <c>GeneratorDriver.RunGenerators</c>, reported next to the time
/// Roslyn itself attributes to the generator (<c>GeneratorDriver.GetTimingInfo()</c>). Timed runs track no steps,
/// as a build does not; a separate driver that does checks that an unrelated edit re-emits nothing. On a busy
/// machine wall time varies widely, so the main thread's CPU time is reported too (Linux only). The cold run's
/// allocations and garbage collections are reported as well: a collection during the run costs several milliseconds.
/// Arguments: [cells] [cells per file].
/// </summary>
public sealed class GeneratorBenchmark : IBenchmark
{
    private const int DefaultCells = 100;
    private const int DefaultCellsPerFile = 1;
    private const int MinWarmupRounds = 20;
    private const int MaxWarmupRounds = 200;
    private const int WarmupWindow = 10;
    private const double WarmupGain = 0.05;
    private const int Repetitions = 21;

    public string Name => "generator";

    public string Description => "Parsec source generator time for 100 cells: cold run and rerun after an unrelated edit ([cells] [cells per file])";

    public Task<int> RunAsync(string[] args)
    {
        int cells = args.Length > 0 && int.TryParse(args[0], out int given) ? given : DefaultCells;
        int perFile = args.Length > 1 && int.TryParse(args[1], out int grouped) && grouped > 0 ? grouped : DefaultCellsPerFile;
        var project = new GeneratorBenchmarkProject(cells, perFile);

        // Untimed rounds, cold and incremental, so that JIT compilation of Roslyn and the generator is not measured:
        // tiered compilation first runs methods unoptimized and recompiles the hot ones in the background, which
        // takes tens of runs (more on busy cores), so the rounds go on until the median cold run of the last ten is
        // within 5% of the ten before.
        int generatedFiles = 0;
        var warmup = new List<double>();
        while (warmup.Count < MaxWarmupRounds && !Settled(warmup))
        {
            var (wall, _, cpu, files, _, _) = Cold(project);
            generatedFiles = files;
            warmup.Add(double.IsNaN(cpu) ? wall : cpu);
            Incremental(project, edits: 2);
        }

        var coldWall = new List<double>();
        var coldGenerator = new List<double>();
        var coldCpu = new List<double>();
        var coldAllocated = new List<double>();
        var coldCollections = new List<double>();
        for (int i = 0; i < Repetitions; i++)
        {
            var (wall, generator, cpu, _, allocated, collections) = Cold(project);
            coldWall.Add(wall);
            coldGenerator.Add(generator);
            coldCpu.Add(cpu);
            coldAllocated.Add(allocated);
            coldCollections.Add(collections);
        }

        var (editWall, editGenerator, editCpu) = Incremental(project, Repetitions);
        int reemitted = ReemittedOnUnrelatedEdit(project);

        Console.WriteLine($"cells: {cells} in {project.CellFiles} files, generated files: {generatedFiles}, repetitions: {Repetitions} (after {warmup.Count} warm-up rounds)");
        Console.WriteLine($"cold run:             wall {Describe(coldWall)}; Roslyn's timing {Describe(coldGenerator)}; thread CPU {Describe(coldCpu)}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"                      allocated {Median(coldAllocated):F1} MB, {Median(coldCollections):F0} garbage collection(s)"));
        Console.WriteLine($"after unrelated edit: wall {Describe(editWall)}; Roslyn's timing {Describe(editGenerator)}; thread CPU {Describe(editCpu)}");
        Console.WriteLine($"outputs not reused after an unrelated edit: {reemitted}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"benchmark\":\"generator\",\"cells\":{cells},\"cell_files\":{project.CellFiles},\"generated_files\":{generatedFiles},\"warmup_rounds\":{warmup.Count},\"repetitions\":{Repetitions},"
            + $"\"generator_ms\":{Median(coldWall):F2},\"generator_reported_ms\":{Median(coldGenerator):F2},\"generator_cpu_ms\":{Json(Median(coldCpu))},"
            + $"\"generator_allocated_mb\":{Median(coldAllocated):F1},\"generator_gcs\":{Median(coldCollections):F0},"
            + $"\"unrelated_edit_ms\":{Median(editWall):F2},\"unrelated_edit_reported_ms\":{Median(editGenerator):F2},\"unrelated_edit_cpu_ms\":{Json(Median(editCpu))},"
            + $"\"emitted_on_unrelated_edit\":{reemitted}}}"));
        return Task.FromResult(reemitted == 0 ? 0 : 1);
    }

    /// <summary>Whether the cold runs of warm-up have stopped getting faster: the last ten's median within 5% of the ten before.</summary>
    private static bool Settled(List<double> coldRuns)
    {
        if (coldRuns.Count < MinWarmupRounds || coldRuns.Count % WarmupWindow != 0) return false;
        double recent = Median(coldRuns.GetRange(coldRuns.Count - WarmupWindow, WarmupWindow));
        double before = Median(coldRuns.GetRange(coldRuns.Count - 2 * WarmupWindow, WarmupWindow));
        return recent >= before * (1 - WarmupGain);
    }

    /// <summary>A fresh driver over a fresh compilation of the parsed trees: nothing bound or cached beforehand.</summary>
    private static (double Wall, double Generator, double Cpu, int GeneratedFiles, double AllocatedMb, int Collections) Cold(GeneratorBenchmarkProject project)
    {
        var compilation = project.Compilation();
        var driver = NewDriver(trackSteps: false);
        Settle();
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        int collections = GC.CollectionCount(0);
        double cpu = ThreadCpu.Milliseconds();
        var watch = Stopwatch.StartNew();
        driver = driver.RunGenerators(compilation);
        watch.Stop();
        cpu = ThreadCpu.Milliseconds() - cpu;
        collections = GC.CollectionCount(0) - collections;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var result = driver.GetRunResult().Results[0];
        if (result.Exception is { } exception) throw new InvalidOperationException("The generator threw.", exception);
        return (watch.Elapsed.TotalMilliseconds, GeneratorTime(driver), cpu, result.GeneratedSources.Length, allocated / 1e6, collections);
    }

    /// <summary>Runs a driver once, then times one rerun after each of <paramref name="edits"/> edits of an unrelated file.</summary>
    private static (List<double> Wall, List<double> Generator, List<double> Cpu) Incremental(GeneratorBenchmarkProject project, int edits)
    {
        var compilation = project.Compilation();
        var driver = NewDriver(trackSteps: false).RunGenerators(compilation);
        var wall = new List<double>();
        var generator = new List<double>();
        var cpu = new List<double>();
        for (int edit = 1; edit <= edits; edit++)
        {
            compilation = GeneratorBenchmarkProject.EditUnrelated(compilation, edit);
            Settle();
            double start = ThreadCpu.Milliseconds();
            var watch = Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            watch.Stop();
            cpu.Add(ThreadCpu.Milliseconds() - start);
            wall.Add(watch.Elapsed.TotalMilliseconds);
            generator.Add(GeneratorTime(driver));
        }
        return (wall, generator, cpu);
    }

    /// <summary>The most outputs of the generator's source-producing steps that were neither cached nor unchanged, over a few unrelated edits.</summary>
    private static int ReemittedOnUnrelatedEdit(GeneratorBenchmarkProject project)
    {
        var compilation = project.Compilation();
        var driver = NewDriver(trackSteps: true).RunGenerators(compilation);
        int reemitted = 0;
        for (int edit = 1; edit <= 3; edit++)
        {
            compilation = GeneratorBenchmarkProject.EditUnrelated(compilation, edit);
            driver = driver.RunGenerators(compilation);
            reemitted = Math.Max(reemitted, NotReused(driver.GetRunResult()));
        }
        return reemitted;
    }

    /// <summary>The time Roslyn attributes to the generator in the driver's last run.</summary>
    private static double GeneratorTime(GeneratorDriver driver) =>
        driver.GetTimingInfo().GeneratorTimes[0].ElapsedTime.TotalMilliseconds;

    private static GeneratorDriver NewDriver(bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            new[] { new SearchCellGenerator().AsSourceGenerator() },
            parseOptions: GeneratorBenchmarkProject.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Collects garbage left by earlier runs, untimed, so that a timed run does not pay for it.</summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>How many outputs of the generator's source-producing steps were neither cached nor unchanged.</summary>
    private static int NotReused(GeneratorDriverRunResult run) =>
        run.Results[0].TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs)
            .Count(output => output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

    private static string Describe(List<double> values) =>
        string.Create(CultureInfo.InvariantCulture, $"median {Median(values),6:F1} ms (min {values.Min():F1}, max {values.Max():F1})");

    private static string Json(double value) =>
        double.IsNaN(value) ? "null" : value.ToString("F2", CultureInfo.InvariantCulture);

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
