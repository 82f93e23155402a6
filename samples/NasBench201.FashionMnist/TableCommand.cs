using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Parsec.Samples.FashionMnist;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary><c>table</c>: grows a ground-truth table by <see cref="TableBuilder"/>.</summary>
public static class TableCommand
{
    public const string Usage = """
        table: trains cells from scratch with one recipe in parallel processes and appends them to a table (arch,accuracy,parameters,seconds).

          --table PATH        the table to grow (created when missing)                    (required)
          --random N          N distinct uniformly random cells (the same N for a given --sample-seed) [0]
          --sample-seed N     the seed that picks the random cells                       [201]
          --cell STRING       one more cell in NAS-Bench-201's string form
          --cells PATH        a file of cells, one string a line
          --repeats K         also train the first K of those cells again with --repeat-seed into --repeats-table [0]
          --repeat-seed N     the repeats' training seed                                  [2]
          --repeats-table PATH                                                            [TABLE without .csv + -repeats.csv]
          --trials DIR        the trials' results and logs                                [TABLE.trials]
          --recipe NAME       default or smoke                                            [default]
          --data DIR          Fashion-MNIST's four *-ubyte.gz files                       [/usr/share/datasets/fashion-mnist]
        """ + "\n" + ExecutorChoice.Usage + "\n" + ExecutorChoice.PrintScriptUsage;

    public static int Run(string[] args, CancellationToken cancellationToken)
    {
        var line = new CommandLine("table", args,
            ["--table", "--random", "--sample-seed", "--cell", "--cells", "--repeats", "--repeat-seed", "--repeats-table", "--trials", "--recipe", "--data", .. ExecutorChoice.Options],
            [ExecutorChoice.PrintScript]);
        string table = line.Required("--table");
        var cells = TablePlan.RandomCells((int)line.Integer("--random", 0), (int)line.Integer("--sample-seed", TablePlan.SampleSeed)).ToList();
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

        var executor = ExecutorChoice.Create(line, line.Text("--trials", table + ".trials"));
        if (line.Has(ExecutorChoice.PrintScript)) return TableBuilder.PrintScript(plan, executor, recipe, data);
        int failed = TableBuilder.Train(plan, executor, recipe, data, cancellationToken);
        return failed > 0 ? 1 : 0;
    }
}
