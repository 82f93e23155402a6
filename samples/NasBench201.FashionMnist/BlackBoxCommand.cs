using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using Parsec.Persistence;
using Parsec.Samples.FashionMnist;
using Parsec.Search.BlackBox;
using Parsec.SearchSpace;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>
/// <c>blackbox</c>: a black-box search (PARSEC, regularized evolution or random search) of NAS-Bench-201's cells whose
/// score is a cell's test accuracy trained from scratch with the recipe, each step's cells trained as parallel
/// trials (<see cref="CellTrialScorer"/>). Writes <c>blackbox-STRATEGY-sSEED.json</c>.
/// </summary>
public static class BlackBoxCommand
{
    public const string Usage = """
        blackbox: a black-box search of NAS-Bench-201's cells; a cell's score is its test accuracy (%) trained from scratch with the recipe, and a step's cells train as parallel trials.

          --strategy parsec|evolution|random                                              [parsec]
          --queries N         cells scored (trained or looked up)                         [20]
          --seed S            the strategy's seed (every cell trains with seed 1, as a table's rows) [1]
          --batch K           cells a step: PARSEC's samples, random search's draws       [4]
                              (evolution: its population of 10 first, then one child a step)
          --table PATH        a table trained with the same recipe: its cells are looked up, not trained
          --trials DIR        the trials' results and logs; a cell with a result there is not trained again [OUT/RECIPE.trials]
          --out DIR           where blackbox-STRATEGY-sSEED.json goes                     [artifacts/blackbox]
          --recipe NAME       default or smoke                                            [default]
          --data DIR          Fashion-MNIST's four *-ubyte.gz files                       [/usr/share/datasets/fashion-mnist]
        """ + "\n" + ExecutorChoice.Usage;

    /// <summary>
    /// Black-box PARSEC's settings on accuracies in percent: the benchmark's tuning on NAS-Bench-201 tables
    /// (T = 0.25 points, Adam's learning rate 0.25; bench/README.md), with K from <c>--batch</c>.
    /// </summary>
    private static BlackBoxParsecOptions ParsecOptions(int samples) => new() { Samples = samples, Temperature = 0.25, LearningRate = 0.25 };

    public static int Run(string[] args, CancellationToken cancellationToken)
    {
        var line = new CommandLine("blackbox", args,
            ["--strategy", "--queries", "--seed", "--batch", "--table", "--trials", "--out", "--recipe", "--data", .. ExecutorChoice.Options]);
        string strategy = line.Text("--strategy", "parsec");
        int queries = (int)line.Integer("--queries", 20, 1);
        long seed = line.Integer("--seed", 1);
        int batch = (int)line.Integer("--batch", 4, 1);
        string recipe = line.Text("--recipe", "default");
        CellRecipe.Named(recipe);
        var lookup = line.Optional("--table") is string tablePath ? NasBench201Table.Load(tablePath, requireFullSpace: false) : null;
        string output = line.Text("--out", Path.Combine("artifacts", "blackbox"));
        string data = Path.GetFullPath(line.Text("--data", FashionMnistData.DebianFolder));
        var space = ModelSearchSpace.OfCells(NasBench201Cell.Space);
        var executor = ExecutorChoice.Create(line, line.Text("--trials", Path.Combine(output, recipe + ".trials")));
        Directory.CreateDirectory(output);

        var scorer = new CellTrialScorer(space, executor, recipe, data, lookup, cancellationToken);
        int reported = 0;
        Func<IReadOnlyList<ModelArchitecture>, IReadOnlyList<double>> score = cells =>
        {
            var scores = scorer.Score(cells);
            for (; reported < scorer.Scored.Count; reported++)
            {
                var (cell, accuracy, source) = scorer.Scored[reported];
                Console.WriteLine($"  {NasBench201Architecture.ToBenchmarkString(cell)}: {accuracy:F2}% ({source})");
            }
            return scores;
        };
        var options = new BlackBoxOptions { QueryBudget = queries, Seed = seed };
        Console.WriteLine($"Black-box {strategy}, {queries} queries, seed {seed}, recipe {recipe}...");
        var (name, recommendation, history, stop) = strategy switch
        {
            "parsec" => Summary(BlackBoxSearch.Run(new BlackBoxParsec(space, ParsecOptions(batch)), score, options)),
            "evolution" => Summary(BlackBoxSearch.Run(new RegularizedEvolution(space), score, options)),
            "random" => Summary(BlackBoxSearch.Run(new RandomSearch(space, batch), score, options)),
            _ => throw new ArgumentException($"--strategy takes parsec, evolution or random, not '{strategy}'."),
        };

        var best = history.MaxBy(query => query.Score)!;
        var json = new JsonObject
        {
            ["strategy"] = name,
            ["seed"] = seed,
            ["recipe"] = CellRecipe.Named(recipe).Describe(),
            ["stop"] = stop.ToString(),
            ["recommended"] = Cell(space, recommendation.Architecture),
            // Null when the strategy recommends a cell it never scored (PARSEC's mode can be one).
            ["recommendedAccuracy"] = recommendation.Score,
            ["bestQueried"] = Cell(space, best.Architecture),
            ["bestQueriedAccuracy"] = best.Score,
            ["queries"] = new JsonArray(scorer.Scored.Select(entry => (JsonNode)new JsonObject
            {
                ["cell"] = NasBench201Architecture.ToBenchmarkString(entry.Cell),
                ["accuracy"] = entry.Score,
                ["source"] = entry.Source.ToString(),
            }).ToArray()),
        };
        string path = Path.Combine(output, $"blackbox-{strategy}-s{seed}.json");
        AtomicFile.Write(path, stream => stream.Write(Encoding.UTF8.GetBytes(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n")));
        Console.WriteLine($"{name}: recommends {Cell(space, recommendation.Architecture)}" +
                          (recommendation.Score is double accuracy ? $" ({accuracy:F2}%)" : " (never scored)") +
                          $"; best queried {Cell(space, best.Architecture)} ({best.Score:F2}%) after {history.Count} queries ({stop}) -> {Path.GetFullPath(path)}");
        return 0;
    }

    private static (string Name, BlackBoxRecommendation Recommendation, IReadOnlyList<BlackBoxQuery> History, BlackBoxStopReason Stop)
        Summary<TRecommendation>(BlackBoxResult<TRecommendation> result) where TRecommendation : BlackBoxRecommendation =>
        (result.Strategy, result.Recommendation, result.History, result.StopReason);

    private static string Cell(ModelSearchSpace space, ModelArchitecture architecture) =>
        NasBench201Architecture.ToBenchmarkString(NasBench201Architecture.FromModelArchitecture(space, architecture));
}
