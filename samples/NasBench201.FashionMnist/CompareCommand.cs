using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Parsec.Persistence;
using Parsec.Samples.FashionMnist;
using Parsec.SearchSpace;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>
/// <c>compare</c>: every strategy's search over several seeds (a search already recorded in the output folder is
/// reused), PARSEC again under the parameter budget, the recommended cells the table lacks trained into it, then the
/// figures against the table: metrics.json, comparison.md and plots/pareto.png.
/// </summary>
public static class CompareCommand
{
    public const string Usage = """
        compare: PARSEC, random sampling and DARTS with shared weights over several seeds, ranked against a ground-truth table.

          --table PATH           the table of cells trained alone (grown by the recommended cells)   (required)
          --repeats-table PATH   cells of the table trained again with another seed, for the noise  [TABLE without .csv + -repeats.csv]
          --random N             the table's uniformly random cells, as built by table --random N   [50]
          --sample-seed N        their --sample-seed                                               [201]
          --seeds LIST           search seeds                                                      [1,2,3]
          --strategies LIST      of parsec, random, darts                                          [parsec,random,darts]
          --steps N              search steps                                                      [600]
          --out DIR              searches, metrics.json, comparison.md, plots/pareto.png           [artifacts/compare]
          --search-images N      training images the shared weights learn from                 [20000]
          --candidates N         random cells random sampling scores to recommend one          [100]
          --threads N            CPU threads torch uses; 0 keeps its default (every core)      [0]
          --recipe NAME          default or smoke                                                  [default]
          --data DIR             Fashion-MNIST's four *-ubyte.gz files                             [/usr/share/datasets/fashion-mnist]
        """ + "\n" + ExecutorChoice.Usage;

    /// <summary>The budget: this share of the largest network of the space, as in the NAS-Bench-201 benchmark's cost runs.</summary>
    private const double BudgetShare = 0.5;

    public static int Run(string[] args, CancellationToken cancellationToken)
    {
        var line = new CommandLine("compare", args,
            ["--table", "--repeats-table", "--random", "--sample-seed", "--seeds", "--strategies", "--steps", "--out", "--recipe", "--data", "--search-images", "--candidates", "--threads", .. ExecutorChoice.Options]);
        string tablePath = line.Required("--table");
        string repeatsPath = line.Text("--repeats-table", Path.ChangeExtension(tablePath, null) + "-repeats.csv");
        var randomCells = TablePlan.RandomCells((int)line.Integer("--random", TablePlan.CommittedRandomCells, 2), (int)line.Integer("--sample-seed", TablePlan.SampleSeed));
        var seeds = line.Integers("--seeds", [1, 2, 3]);
        var strategies = line.Text("--strategies", string.Join(",", SearchSettings.Strategies)).Split(',');
        int steps = (int)line.Integer("--steps", 600, 1);
        string output = line.Text("--out", Path.Combine("artifacts", "compare"));
        string recipeName = line.Text("--recipe", "default");
        // Several searches sharing a machine go faster with one thread each than with torch's threads fighting over every core.
        if (line.Integer("--threads", 0) is > 0 and var threads) TorchSharp.torch.set_num_threads((int)threads);
        var recipe = CellRecipe.Named(recipeName);
        string dataFolder = line.Text("--data", FashionMnistData.DebianFolder);
        var executor = ExecutorChoice.Create(line, tablePath + ".trials");
        long budget = (long)(BudgetShare * recipe.Parameters(Largest));
        var common = new SearchSettings("parsec", Steps: steps, SearchImages: (int)line.Integer("--search-images", 20_000, 1),
            RandomCandidates: (int)line.Integer("--candidates", 100, 1));
        var settings = seeds.SelectMany(seed => strategies.Select(strategy => common with { Strategy = strategy, Seed = seed }))
            .Concat(seeds.Select(seed => common with { Seed = seed, MaxParameters = budget }))
            .ToList();
        settings.ForEach(setting => setting.Validate());
        Directory.CreateDirectory(output);
        var data = Splits.Load(dataFolder, Math.Max(recipe.TrainingImages, settings.Max(setting => setting.SearchImages)));

        var records = new List<SearchRecord>();
        foreach (var setting in settings)
        {
            string path = Path.Combine(output, SearchRecord.FileName(setting.Strategy, setting.Seed, setting.MaxParameters is not null));
            if (File.Exists(path)) records.Add(SearchRecord.Read(path));
            else
            {
                Console.WriteLine($"Searching: {setting.Strategy}, seed {setting.Seed}{(setting.MaxParameters is long max ? $", at most {max:N0} parameters" : "")}");
                records.Add(SearchCommand.Execute(setting, recipe, data, output, cancellationToken).Record);
            }
            Console.WriteLine($"  {records[^1].Strategy} seed {records[^1].Seed}: {records[^1].Recommended} ({records[^1].Seconds:F0} s)");
        }

        var plan = records.Select(record => (new TableEntry(NasBench201Architecture.Parse(record.Recommended), 1), tablePath)).ToList();
        if (TableBuilder.Train(plan, executor, recipeName, dataFolder, cancellationToken) > 0) return 1;

        var figures = Measure(NasBench201Table.Load(tablePath, requireFullSpace: false), NasBench201Table.Load(repeatsPath, requireFullSpace: false),
            randomCells, records, recipe, budget, data, output);
        SampleJson.Write(Path.Combine(output, "metrics.json"), figures);
        string summary = ComparisonReport.Markdown(figures);
        AtomicFile.Write(Path.Combine(output, "comparison.md"), stream => stream.Write(Encoding.UTF8.GetBytes(summary)));
        Console.WriteLine(summary);
        return 0;
    }

    /// <summary>The space's largest cell: every edge a 3x3 convolution.</summary>
    private static NasBench201CellArchitecture Largest =>
        NasBench201Architecture.FromEdges(Enumerable.Repeat(NasBench201CellArchitecture.NasBench201OpsCandidate.NorConv3x3, 6).ToList());

    /// <summary>Scores every search against the table and draws the Pareto plot.</summary>
    public static ComparisonFigures Measure(NasBench201Table table, NasBench201Table repeats, IReadOnlyList<NasBench201CellArchitecture> randomCells,
        IReadOnlyList<SearchRecord> records, CellRecipe recipe, long budget, Splits data, string output)
    {
        var randomRows = randomCells.Select(cell => table.TryGet(cell, out var row) ? row
            : throw new InvalidDataException($"{table.Path} lacks the random cell {NasBench201Architecture.ToBenchmarkString(cell)}: build it with the table command's --random first.")).ToList();
        var randomAccuracies = randomRows.Select(row => row.Accuracy).ToList();
        var random = Spread.Of(randomAccuracies);
        double topTenth = Comparison.TopTenthThreshold(randomAccuracies);
        var (noise, pairs) = Comparison.Noise(table, repeats);
        double front = Comparison.ConstrainedFront(table, budget, recipe.Parameters);

        var runs = records.Select(record =>
        {
            var cell = NasBench201Architecture.Parse(record.Recommended);
            double? accuracy = table.TryGet(cell, out var row) ? row.Accuracy : null;
            var losses = SupernetLosses(record, randomRows, recipe, data, output);
            return new RunFigures(record.Strategy, record.Seed, record.MaxParameters is not null, record.Recommended, recipe.Parameters(cell), accuracy,
                accuracy is double a ? Comparison.Percentile(a, randomAccuracies) : null,
                accuracy is double b && noise > 0 ? (b - random.Mean) / noise : null,
                SupernetTau.Tau(randomRows, losses, connectedOnly: false), SupernetTau.Tau(randomRows, losses, connectedOnly: true),
                record.Seconds, record.MaxParameters is not null && accuracy is double c ? front - c : null);
        }).ToList();

        var recommended = runs.GroupBy(run => run.Budgeted ? $"{run.Strategy} (budget)" : run.Strategy)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<(long, double)>)group.Where(run => run.Accuracy is not null)
                .Select(run => (run.Parameters, run.Accuracy!.Value)).ToList());
        ParetoPlot.Write(table, recipe, recommended, budget, output);
        return new ComparisonFigures(recipe.Describe(), random, topTenth, noise, pairs, budget, front, runs, Comparison.Summarise(runs, topTenth));
    }

    /// <summary>The held-out loss of each row on the record's saved supernet.</summary>
    private static IReadOnlyList<double> SupernetLosses(SearchRecord record, IReadOnlyList<NasBench201Row> rows, CellRecipe recipe, Splits data, string output)
    {
        using var network = recipe.CreateNetwork();
        network.load(Path.Combine(output, record.Supernet));
        return SupernetTau.Losses(ModelSearchSpace.Of(network), rows, data.HeldOut);
    }
}
