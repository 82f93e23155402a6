using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Parsec.Data;
using Parsec.Runtime.Tests.TestCells;
using Parsec.Search;
using Parsec.Search.BlackBox;
using Parsec.SearchSpace;
using Xunit;

namespace Parsec.Runtime.Tests;

/// <summary>Black-box search over a hand-made table of the 27 architectures of <see cref="TableCell"/>.</summary>
public sealed class BlackBoxTests
{
    // score(α) = Σ_c Gain[c][α_c]: the best cell is (Noise, Identity, Zero), scoring 3 + 2 + 2 = 7.
    private static readonly double[][] Gain = { new[] { 0.0, 1, 3 }, new[] { 2.0, 0, 1 }, new[] { 0.0, 2, 1 } };

    // cost(α) = Σ_c Price[c][α_c]: only A = Noise is expensive, so the best cell costs 6; the best of those costing at
    // most 4 is (Zero, Identity, Zero), scoring 1 + 2 + 2 = 5.
    private static readonly double[][] Price = { new[] { 1.0, 1, 4 }, new[] { 1.0, 1, 1 }, new[] { 1.0, 1, 1 } };

    private static readonly ModelSearchSpace Space = ModelSearchSpace.OfCells(TableCell.Space);
    private static readonly ModelArchitecture Best = Cell(2, 0, 1);
    private static readonly ModelArchitecture BestInBudget = Cell(1, 0, 1);

    private static double Score(ModelArchitecture architecture) => Sum(Gain, architecture);

    private static double Cost(ModelArchitecture architecture) => Sum(Price, architecture);

    private static CostBudget Budget => new(Cost, budget: 4, penalty: 10);

    [Fact]
    public void ParsecsModeConvergesToTheBestCellOfTheTable()
    {
        // Once most of the table is scored, the steps go on from the cache until the draws only repeat.
        var strategy = new BlackBoxParsec(Space);
        var result = BlackBoxSearch.Run(strategy, Score, new BlackBoxOptions { QueryBudget = 27, Seed = 3 });

        Assert.Equal(Best, result.Recommendation.Architecture);
        Assert.Equal(7, result.Recommendation.Score);
        Assert.True(strategy.Distribution.LogProbability(Best) > Math.Log(0.5), $"the distribution should concentrate on the best cell: p = {Math.Exp(strategy.Distribution.LogProbability(Best))}, {result.StopReason}, {result.History.Count} queries");
    }

    [Fact]
    public void TheCostPenaltyMovesParsecsModeUnderTheBudget()
    {
        var options = new BlackBoxOptions { QueryBudget = 20, Seed = 3, Cost = Budget };
        var result = BlackBoxSearch.Run(new BlackBoxParsec(Space), Score, options);

        Assert.Equal(BestInBudget, result.Recommendation.Architecture);
        Assert.Equal(5, result.Recommendation.Score);
        Assert.All(result.History, query => Assert.Equal(Budget.PenaltyOf(query.Architecture), query.Penalty));
    }

    [Fact]
    public void WithABudgetParsecSpendsNoQueryOnACellOverIt()
    {
        var result = BlackBoxSearch.Run(new BlackBoxParsec(Space), Score, new BlackBoxOptions { QueryBudget = 20, Seed = 4, Cost = Budget });

        Assert.NotEmpty(result.History);
        Assert.All(result.History, query => Assert.Equal(0, query.Penalty));
    }

    [Fact]
    public void WithABudgetParsecRecommendsTheMostProbableCellWithinIt()
    {
        // Every choice's mode alone gives the best cell, which is over the budget; the most probable cell within it
        // differs from it in the first choice only.
        var strategy = new BlackBoxParsec(Space);
        double[][] logits = { new[] { 0.0, 1, 5 }, new[] { 3.0, 0, 0 }, new[] { 0.0, 3, 0 } };
        foreach (var (choice, values) in strategy.Distribution.Choices[0].Zip(logits)) choice.SetLogits(values);
        Assert.Equal(Best, strategy.Distribution.Mode());

        strategy.Start(new SearchRandom(1), Budget);
        strategy.Tell(new[] { BestInBudget }, new[] { Score(BestInBudget) }); // one sample: ω − 1/K is 0, π stays put

        Assert.Equal(BestInBudget, strategy.Recommend().Architecture);
    }

    [Fact]
    public void RandomSearchAndEvolutionRankByTheScoreLessThePenalty()
    {
        var options = new BlackBoxOptions { QueryBudget = 27, Cost = Budget };
        Assert.Equal(BestInBudget, BlackBoxSearch.Run(new RandomSearch(Space), Score, options).Recommendation.Architecture);
        Assert.Equal(Best, BlackBoxSearch.Run(new RandomSearch(Space), Score, options with { Cost = null }).Recommendation.Architecture);

        var evolution = BlackBoxSearch.Run(new RegularizedEvolution(Space, populationSize: 5, sampleSize: 2), Score, options);
        var bestQueried = evolution.History.MaxBy(query => query.PenalisedScore)!;
        Assert.Equal(bestQueried.Architecture, evolution.Recommendation.Architecture);
        Assert.Equal(bestQueried.Score - bestQueried.Penalty, evolution.Recommendation.Score);
    }

    [Fact]
    public void RandomSearchQueriesEveryArchitectureOnceThenStops()
    {
        var result = BlackBoxSearch.Run(new RandomSearch(Space, batchSize: 4), Score, new BlackBoxOptions { QueryBudget = 100 });

        Assert.Equal(BlackBoxStopReason.StrategyExhausted, result.StopReason);
        Assert.Equal(27, result.History.Select(query => query.Architecture).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 27), result.History.Select(query => query.Index));
    }

    [Fact]
    public void EvolutionChangesExactlyOneChoicePerChild()
    {
        var strategy = new RegularizedEvolution(Space, populationSize: 4, sampleSize: 2);
        strategy.Start(new SearchRandom(5), cost: null);
        var population = new Queue<ModelArchitecture>();
        var initial = strategy.Ask();
        Assert.Equal(4, initial.Count);
        Tell(strategy, initial, population, 4);

        for (int cycle = 0; cycle < 40; cycle++)
        {
            var child = Assert.Single(strategy.Ask());
            // The child is its parent with one choice changed; it may coincide with another member.
            Assert.Contains(population, member => ChangedChoices(member, child) == 1);
            Tell(strategy, [child], population, 4);
        }
    }

    [Fact]
    public void AMutationChangesOneChoiceOfEveryKind()
    {
        // Operation choices, a distinct and a repeatable pair of inputs out of three, and a distinct pair out of two,
        // which only a swap can change.
        var order = TableCell.Space with
        {
            CellType = "Tests.Order",
            Choices = [new Choice("Order", ChoiceKind.Input, ["a", "b"], Count: 2)],
        };
        var space = ModelSearchSpace.OfCells(TableCell.Space, PairInputCell.Space, RepeatedInputCell.Space, order);
        var evolution = new RegularizedEvolution(space);
        var uniform = new ArchitectureDistribution(space);
        var random = new SearchRandom(8);
        for (int i = 0; i < 300; i++)
        {
            var parent = uniform.Sample(random);
            var child = evolution.Mutate(parent, random);
            Assert.Equal(1, ChangedChoices(parent, child));
            for (int g = 0; g < space.Groups.Length; g++) child.Cells[g].Validate(space.Groups[g].Space);
        }
    }

    [Theory]
    [InlineData("parsec")]
    [InlineData("random-search")]
    [InlineData("regularized-evolution")]
    public void TheSameSeedGivesTheSameHistory(string strategy)
    {
        var first = History(strategy, seed: 4);
        Assert.Equal(first, History(strategy, seed: 4));
        Assert.NotEqual(first, History(strategy, seed: 5));
    }

    [Fact]
    public void ARepeatedArchitectureIsNotQueriedTwice()
    {
        var calls = new Dictionary<ModelArchitecture, int>();
        var result = BlackBoxSearch.Run(new BlackBoxParsec(Space), architecture =>
        {
            calls[architecture] = calls.GetValueOrDefault(architecture) + 1;
            return Score(architecture);
        }, new BlackBoxOptions { QueryBudget = 27 });

        Assert.All(calls.Values, count => Assert.Equal(1, count));
        Assert.Equal(calls.Count, result.History.Count);

        var requeried = BlackBoxSearch.Run(new BlackBoxParsec(Space), Score, new BlackBoxOptions { QueryBudget = 27, RequeryRepeats = true });
        Assert.Equal(27, requeried.History.Count);
        Assert.True(requeried.History.Select(query => query.Architecture).Distinct().Count() < 27, "with RequeryRepeats a repeat is queried again");
    }

    [Fact]
    public void ACollapsedDistributionStopsAfterTheRepeatCap()
    {
        var strategy = new BlackBoxParsec(Space);
        foreach (var choice in strategy.Distribution.Choices.SelectMany(group => group)) choice.SetLogits([100, 0, 0]);

        var result = BlackBoxSearch.Run(strategy, Score, new BlackBoxOptions { QueryBudget = 10, MaxConsecutiveRepeats = 12 });

        Assert.Equal(BlackBoxStopReason.RepeatsOnly, result.StopReason);
        Assert.Equal(Cell(0, 0, 0), Assert.Single(result.History).Architecture);
    }

    [Fact]
    public void AThrowingScoreStopsTheSearchNamingTheArchitectureAndQuery()
    {
        int calls = 0;
        var error = Assert.Throws<BlackBoxScoreException>(() => BlackBoxSearch.Run(new RandomSearch(Space), architecture =>
            ++calls == 3 ? throw new InvalidOperationException("training diverged") : Score(architecture)));

        var failed = Assert.Single(error.Architectures);
        Assert.Equal(2, error.QueryIndex);
        Assert.Contains($"query 2: architecture {failed}", error.Message);
        Assert.Contains("training diverged", error.Message);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ANonFiniteScoreInABatchStopsTheSearchNamingThatArchitecture(double bad)
    {
        IReadOnlyList<ModelArchitecture>? scored = null;
        var error = Assert.Throws<BlackBoxScoreException>(() => BlackBoxSearch.Run(new RandomSearch(Space, batchSize: 4), batch =>
        {
            scored = batch;
            return batch.Select((architecture, i) => i == 2 ? bad : Score(architecture)).ToList();
        }));

        Assert.Equal(2, error.QueryIndex);
        Assert.Equal(scored![2], Assert.Single(error.Architectures));
        Assert.Contains($"query 2: architecture {scored[2]}", error.Message);
        Assert.Contains(bad.ToString(), error.Message);
    }

    [Fact]
    public void BadBudgetsAndOptionsAreRejectedSayingWhatToPass()
    {
        Assert.Contains("positive, finite", Assert.Throws<ArgumentOutOfRangeException>(() => new CostBudget(Cost, -1, 1)).Message);
        Assert.Contains("positive, finite", Assert.Throws<ArgumentOutOfRangeException>(() => new CostBudget(Cost, double.NaN, 1)).Message);
        Assert.Contains("pass 0 or", Assert.Throws<ArgumentOutOfRangeException>(() => new CostBudget(Cost, 4, double.NaN)).Message);
        Assert.Contains("at least one query",
            Assert.Throws<ArgumentException>(() => BlackBoxSearch.Run(new RandomSearch(Space), Score, new BlackBoxOptions { QueryBudget = 0 })).Message);
        Assert.Contains("positive, finite",
            Assert.Throws<ArgumentException>(() => new BlackBoxParsec(Space, new BlackBoxParsecOptions { Temperature = 0 })).Message);
    }

    [Fact]
    public void ASpaceOfCellsHasNoModel()
    {
        Assert.False(Space.HasModel);
        Assert.Contains("OfCells", Assert.Throws<InvalidOperationException>(() => Space.Model).Message);
        Assert.Throws<ArgumentException>(() => ModelSearchSpace.OfCells(TableCell.Space, TableCell.Space));
        Assert.Equal("Tests.TableCell{A=Noise, B=Identity, C=Zero}", Best.ToString(Space));
    }

    private static List<(int, ModelArchitecture, double)> History(string strategy, long seed)
    {
        var options = new BlackBoxOptions { QueryBudget = 12, Seed = seed };
        var history = strategy switch
        {
            "parsec" => BlackBoxSearch.Run(new BlackBoxParsec(Space), Score, options).History,
            "random-search" => BlackBoxSearch.Run(new RandomSearch(Space), Score, options).History,
            _ => BlackBoxSearch.Run(new RegularizedEvolution(Space, populationSize: 4, sampleSize: 2), Score, options).History,
        };
        return history.Select(query => (query.Index, query.Architecture, query.Score)).ToList();
    }

    private static void Tell(RegularizedEvolution strategy, IReadOnlyList<ModelArchitecture> architectures, Queue<ModelArchitecture> population, int size)
    {
        strategy.Tell(architectures, architectures.Select(Score).ToList());
        foreach (var architecture in architectures)
        {
            population.Enqueue(architecture);
            if (population.Count > size) population.Dequeue();
        }
    }

    private static int ChangedChoices(ModelArchitecture a, ModelArchitecture b) =>
        a.Cells.Zip(b.Cells, (x, y) => x.Selections.Zip(y.Selections, (s, t) => s.SequenceEqual(t) ? 0 : 1).Sum()).Sum();

    private static ModelArchitecture Cell(params int[] options) =>
        new([new CellArchitecture(options.Select(o => ImmutableArray.Create(o)).ToImmutableArray())]);

    private static double Sum(double[][] table, ModelArchitecture architecture) =>
        table.Select((row, c) => row[architecture.Cells[0][c]]).Sum();
}
