using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Parsec.Data;
using Parsec.Samples.FashionMnist;
using Parsec.Search;
using Parsec.SearchSpace;
using static TorchSharp.torch;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>What one weight-sharing search left: its trained supernet and its recommended cell.</summary>
/// <param name="Space">The supernet, whose weights the search trained.</param>
/// <param name="Recommended">The strategy's cell (within the parameter budget when there is one).</param>
/// <param name="Seconds">The search's time, recommendation included.</param>
/// <param name="Result">The strategy's summary and step history.</param>
public sealed record SearchOutcome(ModelSearchSpace Space, NasBench201CellArchitecture Recommended, double Seconds, SearchResult Result);

/// <summary>
/// Runs PARSEC, random sampling or DARTS on NAS-Bench-201's network at the size of a <see cref="CellRecipe"/>, so the
/// supernet's cells are the table's cells.
/// </summary>
public static class WeightSharingSearch
{
    /// <summary>
    /// π learns only after this share of the steps: until the weights are trained a little, every cell's loss is
    /// chance and the parameter-free operations, best while nothing is trained, would take over.
    /// </summary>
    private const double WarmupFraction = 1.0 / 3;

    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public static SearchOutcome Run(SearchSettings settings, CellRecipe recipe, Splits data, IProgress<StepRecord>? progress,
        CancellationToken cancellationToken)
    {
        settings.Validate();
        var clock = Stopwatch.StartNew();
        manual_seed(settings.Seed);
        var network = new NasBench201Network(recipe.CellsPerStage, recipe.Channels, classes: 10, inputChannels: 1);
        var space = ModelSearchSpace.Of(network);
        CostBudget? budget = settings.MaxParameters is long limit
            ? new CostBudget(architecture => Parameters(space, architecture, recipe), limit, penalty: 1)
            : null;
        ISearchStrategy strategy = settings.Strategy switch
        {
            "parsec" => new ParsecStrategy(space, new ParsecOptions
            {
                Samples = settings.Samples,
                ArchitectureWarmupSteps = (int)(settings.Steps * WarmupFraction),
                LikelihoodTemperature = settings.BatchSize,
                ArchitectureLearningRate = settings.ArchitectureLearningRate,
                UseTrainingBatchForArchitecture = true,
                Cost = budget,
            }),
            "random" => new RandomSamplingStrategy(space),
            _ => new DartsStrategy(space, new DartsOptions { ArchitectureLearningRate = settings.ArchitectureLearningRate, Seed = settings.Seed }),
        };
        var search = new ArchitectureSearch(strategy, new SearchOptions
        {
            Steps = settings.Strategy == "random" ? settings.Steps * settings.Samples : settings.Steps,
            BatchSize = settings.BatchSize,
            Seed = settings.Seed,
            WeightLearningRate = settings.WeightLearningRate,
        });
        var training = new LabeledDataset(data.Training.Inputs.narrow(0, 0, settings.SearchImages), data.Training.Labels.narrow(0, 0, settings.SearchImages));
        var result = search.Run(training, data.HeldOut, progress, cancellationToken);

        bool Allowed(ModelArchitecture architecture) => settings.MaxParameters is not long max || Parameters(space, architecture, recipe) <= max;
        var recommended = strategy switch
        {
            ParsecStrategy parsec => MostLikely(space, parsec.Distribution.LogProbability, Allowed),
            DartsStrategy darts => MostLikely(space, darts.Relaxation.LogWeight, Allowed),
            _ => BestOfRandom(space, settings, data.HeldOut, Allowed),
        };
        return new SearchOutcome(space, NasBench201Architecture.FromModelArchitecture(space, recommended), clock.Elapsed.TotalSeconds, result);
    }

    /// <summary>The parameters of the recipe's network with only <paramref name="architecture"/>'s operations.</summary>
    public static long Parameters(ModelSearchSpace space, ModelArchitecture architecture, CellRecipe recipe) =>
        NasBench201Parameters.Count(NasBench201Architecture.FromModelArchitecture(space, architecture),
            recipe.CellsPerStage, recipe.Channels, classes: 10, inputChannels: 1);

    /// <summary>The allowed cell of the space that <paramref name="score"/> rates highest (the whole space is 15,625 cells).</summary>
    private static ModelArchitecture MostLikely(ModelSearchSpace space, Func<ModelArchitecture, double> score, Func<ModelArchitecture, bool> allowed) =>
        NasBench201Architecture.All()
            .Select(cell => NasBench201Architecture.ToModelArchitecture(space, cell))
            .Where(allowed)
            .MaxBy(score)!;

    /// <summary>Random search with weight sharing: the allowed uniform cell with the lowest held-out loss on the shared weights.</summary>
    private static ModelArchitecture BestOfRandom(ModelSearchSpace space, SearchSettings settings, LabeledDataset heldOut, Func<ModelArchitecture, bool> allowed)
    {
        var candidates = TablePlan.RandomCells(settings.RandomCandidates, unchecked((int)settings.Seed) + 1000)
            .Select(cell => NasBench201Architecture.ToModelArchitecture(space, cell))
            .Where(allowed)
            .ToList();
        if (candidates.Count == 0) throw new ArgumentException("No random candidate fits the parameter budget: raise the budget or the candidates.");
        return candidates.MinBy(cell => SupernetRanking.Loss(space, cell, heldOut, settings.BatchSize, new ClassificationEvaluation(), CPU))!;
    }
}
