using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Parsec.Samples.FashionMnist;
using Parsec.Trials;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>
/// <c>table</c>: trains cells from scratch with one recipe, as parallel trial processes, and adds a row to a table as
/// each finishes. Resumable: a cell already in the table is skipped, a finished trial whose row is missing is added
/// without training, so a killed build loses at most the cells in flight.
/// </summary>
public static class TableCommand
{
    public const string Usage = """
        table: trains cells from scratch with one recipe in parallel processes and appends them to a table (arch,accuracy,parameters,seconds).

          --table PATH        the table to grow (created when missing)                    (required)
          --random N          N distinct uniformly random cells (the same N for a given --sample-seed) [0]
          --sample-seed N     the seed that picks the random cells                       [201]
          --cell STRING       one more cell in NAS-Bench-201's string form (repeatable through --cells)
          --cells PATH        a file of cells, one string a line
          --repeats K         also train the first K of those cells again with --repeat-seed into --repeats-table [0]
          --repeat-seed N     the repeats' training seed                                  [2]
          --repeats-table PATH                                                            [TABLE without .csv + -repeats.csv]
          --workers N         trials at once                                              [cores]
          --trials DIR        the trials' results and logs                                [TABLE.trials]
          --recipe NAME       default or smoke                                            [default]
          --data DIR          Fashion-MNIST's four *-ubyte.gz files                       [/usr/share/datasets/fashion-mnist]
        """;

    public static int Run(string[] args, CancellationToken cancellationToken)
    {
        var line = new CommandLine("table", args,
            ["--table", "--random", "--sample-seed", "--cell", "--cells", "--repeats", "--repeat-seed", "--repeats-table", "--workers", "--trials", "--recipe", "--data"]);
        string table = line.Required("--table");
        var cells = TablePlan.RandomCells((int)line.Integer("--random", 0), (int)line.Integer("--sample-seed", 201)).ToList();
        if (line.Optional("--cell") is string one) cells.Add(NasBench201Architecture.Parse(one));
        if (line.Optional("--cells") is string file)
            cells.AddRange(File.ReadAllLines(file).Select(text => text.Trim()).Where(text => text.Length > 0).Select(NasBench201Architecture.Parse));
        cells = cells.Distinct().ToList();
        int repeats = (int)line.Integer("--repeats", 0);
        long repeatSeed = line.Integer("--repeat-seed", 2);
        if (repeatSeed == 1) throw new ArgumentException("--repeat-seed must differ from the table's seed, 1.");
        string repeatsTable = line.Text("--repeats-table", Path.ChangeExtension(table, null) + "-repeats.csv");
        var plan = new List<(TableEntry Entry, string Table)>();
        plan.AddRange(cells.Select(cell => (new TableEntry(cell, 1), table)));
        plan.AddRange(cells.Take(repeats).Select(cell => (new TableEntry(cell, repeatSeed), repeatsTable)));
        var recipe = line.Text("--recipe", "default");
        CellRecipe.Named(recipe);
        string data = Path.GetFullPath(line.Text("--data", FashionMnistData.DebianFolder));

        var built = new Dictionary<string, IReadOnlySet<NasBench201CellArchitecture>> { [table] = TableFile.Cells(table), [repeatsTable] = TableFile.Cells(repeatsTable) };
        var pending = plan.Where(item => !built[item.Table].Contains(item.Entry.Cell)).ToList();
        Console.WriteLine($"{plan.Count} cells planned, {plan.Count - pending.Count} already in the tables, {pending.Count} to train.");
        if (pending.Count == 0) return 0;

        var destination = pending.ToDictionary(item => item.Entry.TrialId);
        var specs = pending.Select(item => TrialSpec.ForCurrentProcess(item.Entry.TrialId,
            ["train-cell", "--cell", NasBench201Architecture.ToBenchmarkString(item.Entry.Cell), "--seed", item.Entry.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--recipe", recipe, "--data", data])).ToList();
        var pool = new LocalTrialPool(new LocalTrialPoolOptions
        {
            ResultsDirectory = line.Text("--trials", table + ".trials"),
            Workers = line.Optional("--workers") is null ? null : (int)line.Integer("--workers", 1, 1),
        });
        var gate = new object();
        int done = 0;
        var outcomes = pool.Run(specs, new Progress(outcome =>
        {
            lock (gate)
            {
                done++;
                var (entry, target) = destination[outcome.Trial.Id];
                if (outcome.Result is { } result)
                {
                    TableFile.Append(target, entry.Cell, result.Accuracy, result.Parameters, result.Seconds);
                    Console.WriteLine($"[{done}/{pending.Count}] {entry.TrialId}: {100 * result.Accuracy:F2}% in {result.Seconds:F0} s -> {target}");
                }
                else Console.WriteLine($"[{done}/{pending.Count}] {entry.TrialId} failed after {outcome.Attempts} attempts: {outcome.Error}");
            }
        }), cancellationToken);
        int failed = outcomes.Count(outcome => !outcome.Succeeded);
        if (failed > 0) Console.Error.WriteLine($"{failed} trials failed; their logs are in {Path.GetFullPath(line.Text("--trials", table + ".trials"))}/logs. Run the same command again to retry them.");
        return failed > 0 ? 1 : 0;
    }

    /// <summary>Reports outcomes on the pool's threads; the caller locks.</summary>
    private sealed class Progress(Action<TrialOutcome> report) : IProgress<TrialOutcome>
    {
        public void Report(TrialOutcome value) => report(value);
    }
}
