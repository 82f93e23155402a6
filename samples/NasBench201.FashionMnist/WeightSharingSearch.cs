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
        var network = recipe.CreateNetwork();
        var space = ModelSearchSpace.Of(network);
        CostBudget? budget = settings.MaxParameters is long limit
            ? new CostBudget(architecture => recipe.Parameters(NasBench201Architecture.FromModelArchitecture(space, architecture)), limit, penalty: 1)
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

        bool Allowed(NasBench201CellArchitecture cell) => settings.MaxParameters is not long max || recipe.Parameters(cell) <= max;
        var recommended = strategy switch
        {
            ParsecStrategy parsec => MostProbable(parsec.Distribution.Summaries(), Allowed),
            DartsStrategy darts => MostProbable(darts.Relaxation.Summaries(), Allowed),
            _ => BestOfRandom(space, settings, data.HeldOut, Allowed),
        };
        return new SearchOutcome(space, recommended, clock.Elapsed.TotalSeconds, result);
    }

    /// <summary>
    /// The allowed cell that the six edges' probabilities (π's, or DARTS' softmax of α) rate most probable, over the
    /// whole space of 15,625 cells: the mode when it is allowed.
    /// </summary>
    private static NasBench201CellArchitecture MostProbable(IReadOnlyList<ChoiceSummary> choices, Func<NasBench201CellArchitecture, bool> allowed)
    {
        // The cell's choices are named as the typed architecture's properties, in the order of NasBench201Architecture.Edges.
        string[] edges =
        [
            nameof(NasBench201CellArchitecture.Node1From0), nameof(NasBench201CellArchitecture.Node2From0), nameof(NasBench201CellArchitecture.Node2From1),
            nameof(NasBench201CellArchitecture.Node3From0), nameof(NasBench201CellArchitecture.Node3From1), nameof(NasBench201CellArchitecture.Node3From2),
        ];
        var logProbabilities = edges.Select(edge =>
        {
            var choice = choices.Single(summary => summary.Choice == edge);
            return Enum.GetValues<NasBench201CellArchitecture.NasBench201OpsCandidate>()
                .Select(operation => Math.Log(choice.Probabilities[0][choice.Options.IndexOf(operation.ToString())])).ToArray();
        }).ToArray();
        return NasBench201Architecture.All().Where(allowed)
            .MaxBy(cell => NasBench201Architecture.Edges(cell).Select((operation, edge) => logProbabilities[edge][(int)operation]).Sum())!;
    }

    /// <summary>Random search with weight sharing: the allowed uniform cell with the lowest held-out loss on the shared weights.</summary>
    private static NasBench201CellArchitecture BestOfRandom(ModelSearchSpace space, SearchSettings settings, LabeledDataset heldOut,
        Func<NasBench201CellArchitecture, bool> allowed)
    {
        var candidates = TablePlan.RandomCells(settings.RandomCandidates, unchecked((int)settings.Seed) + 1000).Where(allowed).ToList();
        if (candidates.Count == 0) throw new ArgumentException("No random candidate fits the parameter budget: raise the budget or the candidates.");
        return candidates.MinBy(cell => SupernetTau.Loss(space, cell, heldOut))!;
    }
}
