using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Parsec.Bench.NasBench201;
using Parsec.Search;
using Parsec.Search.BlackBox;
using Parsec.Samples.NasBench201;
using Parsec.SearchSpace;

namespace Parsec.Bench;

/// <summary>
/// Black-box PARSEC against random search and regularized evolution on a NAS-Bench-201 table: for every query budget
/// and noise level, each strategy runs once per seed against the table's accuracies (plus the seed's fixed Gaussian
/// perturbation per cell), and the TRUE accuracy of the cell it recommends is summarised over the seeds. PARSEC is
/// judged twice, by the mode of its distribution and by its best queried cell. With <c>--max-parameters</c> every
/// strategy searches under the same cost budget and is judged against the cells within it.
/// </summary>
public sealed class NasBench201Benchmark : IBenchmark
{
    /// <summary>
    /// λ of the parameter budget, in accuracy points: a cell 1% over the budget loses one point. The smallest step in
    /// parameters, a 1x1 convolution on one edge, is 28,000 (3.7% of half the largest cell), so a cell over the budget
    /// by one step loses more than the spread of the top cells' accuracies and no strategy prefers it.
    /// </summary>
    private const double OverBudgetPenalty = 100;

    /// <summary>The recommendations judged, in the JSON's order.</summary>
    private static readonly string[] Entries = ["parsec", "parsec_best_queried", "random_search", "regularized_evolution"];

    public string Name => "nas-bench-201";

    public string Description => "true accuracy of the cell PARSEC, random search and regularized evolution recommend on a NAS-Bench-201 table";

    public Task<int> RunAsync(string[] args)
    {
        NasBench201Options options;
        NasBench201GroundTruth truth;
        try
        {
            options = NasBench201Options.Parse(args);
            truth = new NasBench201GroundTruth(NasBench201Table.Load(options.TablePath), options.MaxParameters);
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine($"nas-bench-201: {error.Message}");
            Console.Error.WriteLine($"usage: {NasBench201Options.Usage}");
            return Task.FromResult(2);
        }
        catch (Exception error) when (error is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // A bad table's message names the file and the line.
            Console.Error.WriteLine($"nas-bench-201: {error.Message}");
            return Task.FromResult(2);
        }

        var clock = Stopwatch.StartNew();
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        var figures = new JsonObject
        {
            ["benchmark"] = Name,
            ["table"] = options.TablePath,
            ["seeds"] = options.Seeds,
            ["queries"] = new JsonArray(options.QueryBudgets.Select(budget => (JsonNode)budget).ToArray()),
            ["parsec_options"] = new JsonObject
            {
                ["k"] = options.Parsec.Samples,
                ["temperature"] = options.Parsec.Temperature,
                ["learning_rate"] = options.Parsec.LearningRate,
            },
            ["optimum"] = truth.Optimum,
        };
        if (truth.MaxParameters is { } maxParameters)
        {
            figures["max_parameters"] = maxParameters;
            figures["largest_parameters"] = truth.LargestParameters;
            figures["constrained_optimum"] = truth.EligibleOptimum;
            figures["penalty"] = OverBudgetPenalty;
        }
        var byNoise = new JsonObject();
        foreach (double noise in options.NoiseLevels)
            byNoise[Invariant(noise)] = new JsonObject { ["strategies"] = Summarise(truth, options, noise, Measure(truth, options, noise)) };
        figures["noise"] = byNoise;
        figures["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1);
        // The process's CPU time over all cores: steadier than the wall time when other jobs share them.
        figures["cpu_seconds"] = Math.Round((Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds, 1);
        Console.WriteLine(figures.ToJsonString());
        return Task.FromResult(0);
    }

    /// <summary>
    /// The recommended cells, indexed [entry][budget][seed]. Seeds run in parallel; each run draws only from its own
    /// seed, so the figures do not depend on the scheduling.
    /// </summary>
    private static ModelArchitecture[][][] Measure(NasBench201GroundTruth truth, NasBench201Options options, double noise)
    {
        var budgets = options.QueryBudgets;
        var recommended = Entries.Select(_ => budgets.Select(_ => new ModelArchitecture[options.Seeds]).ToArray()).ToArray();
        var cost = truth.MaxParameters is { } maxParameters
            ? new CostBudget(architecture => truth.ParametersOf(architecture), maxParameters, OverBudgetPenalty)
            : null;
        Parallel.For(0, options.Seeds, index =>
        {
            long seed = index + 1;
            var score = truth.NoisyScore(seed, noise);
            for (int b = 0; b < budgets.Count; b++)
            {
                var search = new BlackBoxOptions { QueryBudget = budgets[b], Seed = seed, Cost = cost };
                var parsec = BlackBoxSearch.Run(new BlackBoxParsec(truth.Space, options.Parsec), score, search).Recommendation;
                var random = BlackBoxSearch.Run(new RandomSearch(truth.Space), score, search).Recommendation;
                var evolution = BlackBoxSearch.Run(new RegularizedEvolution(truth.Space), score, search).Recommendation;
                ModelArchitecture[] cells = [parsec.Architecture, parsec.BestQueried.Architecture, random.Architecture, evolution.Architecture];
                for (int e = 0; e < Entries.Length; e++) recommended[e][b][index] = cells[e];
            }
        });
        return recommended;
    }

    /// <summary>Per entry and budget: mean and standard deviation of the true accuracy, mean regret, the top-1% share (and the share within the budget).</summary>
    private static JsonObject Summarise(NasBench201GroundTruth truth, NasBench201Options options, double noise, ModelArchitecture[][][] recommended)
    {
        var strategies = new JsonObject();
        for (int e = 0; e < Entries.Length; e++)
        {
            var byBudget = new JsonObject();
            for (int b = 0; b < options.QueryBudgets.Count; b++)
            {
                var cells = recommended[e][b];
                var accuracies = cells.Select(truth.AccuracyOf).ToArray();
                double mean = accuracies.Average();
                double std = accuracies.Length > 1 ? Math.Sqrt(accuracies.Sum(a => (a - mean) * (a - mean)) / (accuracies.Length - 1)) : 0;
                var summary = new JsonObject
                {
                    ["mean"] = Math.Round(mean, 3),
                    ["std"] = Math.Round(std, 3),
                    ["regret"] = Math.Round(truth.EligibleOptimum - mean, 3),
                    ["top1"] = Share(cells, truth.IsTop),
                };
                if (truth.MaxParameters is not null) summary["within_budget"] = Share(cells, truth.IsWithinBudget);
                byBudget[Invariant(options.QueryBudgets[b])] = summary;
                Console.WriteLine(
                    $"noise {Invariant(noise)}, {options.QueryBudgets[b]} queries, {Entries[e]}: {mean:F2} ± {std:F2}, regret {truth.EligibleOptimum - mean:F3}, " +
                    $"top 1% {summary["top1"]}{(truth.MaxParameters is null ? "" : $", within budget {summary["within_budget"]}")}");
            }
            strategies[Entries[e]] = byBudget;
        }
        return strategies;
    }

    private static double Share(ModelArchitecture[] cells, Func<ModelArchitecture, bool> holds) =>
        Math.Round(cells.Count(holds) / (double)cells.Length, 3);

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
