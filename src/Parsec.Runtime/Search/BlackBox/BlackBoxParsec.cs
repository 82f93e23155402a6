using System;
using System.Collections.Generic;
using System.Linq;
using Parsec.Data;
using Parsec.SearchSpace;

namespace Parsec.Search.BlackBox;

/// <summary>
/// PARSEC (Casale, Gordon and Fusi 2019) learned from scores instead of supernet weights: each step proposes K
/// architectures drawn from p(α|π); once told their scores it weighs them by ω = softmax(score / T) and ascends π's
/// gradient Σ (ω_s − 1/K) ∇ log p(α_s|π) with Adam, the same estimator, baseline and optimizer as the weight-sharing
/// <see cref="ParsecStrategy"/>. A cost budget (<see cref="BlackBoxOptions.Cost"/>) enters through the score, and the
/// strategy also draws and recommends within it (<see cref="Ask"/>, <see cref="Recommend"/>).
/// </summary>
public sealed class BlackBoxParsec : IBlackBoxStrategy<ParsecRecommendation>
{
    /// <summary>How often a draw over the cost budget is drawn again before it is kept.</summary>
    public const int BudgetDrawAttempts = 100;

    /// <summary>How many of the most probable architectures <see cref="Recommend"/> searches for one within the cost budget.</summary>
    public const int BudgetRecommendationCandidates = 1000;

    private readonly ImportanceWeightedAscent ascent;
    private readonly ToldScores told = new();
    private SearchRandom? random;
    private CostBudget? cost;

    /// <summary>Creates the strategy with a uniform distribution; load a saved one through <see cref="Distribution"/> to warm-start.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message says what to pass.</exception>
    public BlackBoxParsec(ModelSearchSpace space, BlackBoxParsecOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        Options = options ?? new BlackBoxParsecOptions();
        if (Options.Samples < 1)
            throw new ArgumentException($"BlackBoxParsecOptions.Samples is {Options.Samples}: draw at least one architecture per step.", nameof(options));
        if (!(Options.Temperature > 0) || !double.IsFinite(Options.Temperature))
            throw new ArgumentException($"BlackBoxParsecOptions.Temperature is {Options.Temperature}: pass a positive, finite number.", nameof(options));
        if (!(Options.LearningRate > 0) || !double.IsFinite(Options.LearningRate))
            throw new ArgumentException($"BlackBoxParsecOptions.LearningRate is {Options.LearningRate}: pass a positive, finite number.", nameof(options));
        if (!(Options.Beta1 >= 0 && Options.Beta1 < 1) || !(Options.Beta2 >= 0 && Options.Beta2 < 1))
            throw new ArgumentException(
                $"BlackBoxParsecOptions.Beta1 and Beta2 are {Options.Beta1} and {Options.Beta2}: pass numbers in [0, 1).", nameof(options));
        Space = space;
        Distribution = new ArchitectureDistribution(space);
        ascent = new ImportanceWeightedAscent(Distribution, Options.LearningRate, Options.Beta1, Options.Beta2, Options.ScoreBaseline);
    }

    /// <inheritdoc />
    public string Name => "parsec";

    /// <inheritdoc />
    public ModelSearchSpace Space { get; }

    /// <summary>The strategy's settings.</summary>
    public BlackBoxParsecOptions Options { get; }

    /// <summary>The learned distribution p(α|π).</summary>
    public ArchitectureDistribution Distribution { get; }

    /// <summary>Begins a run with a fresh Adam on the current logits; with a cost budget, it proposes and recommends within it.</summary>
    public void Start(SearchRandom random, CostBudget? cost)
    {
        this.random = random;
        this.cost = cost;
        told.Clear();
        ascent.ResetOptimizer();
    }

    /// <summary>
    /// K architectures drawn from p(α|π), repeats included: the estimator needs the draws as drawn. With a cost budget
    /// each is drawn from p restricted to the budget (a draw over it is drawn again, up to
    /// <see cref="BudgetDrawAttempts"/> times, then kept), so no query is spent on a cell the budget rules out.
    /// </summary>
    public IReadOnlyList<ModelArchitecture> Ask()
    {
        var draws = random ?? throw new InvalidOperationException("Call Start before Ask.");
        return Enumerable.Range(0, Options.Samples).Select(_ => Draw(draws)).ToList();
    }

    private ModelArchitecture Draw(SearchRandom draws)
    {
        var architecture = Distribution.Sample(draws);
        for (int attempt = 1; attempt < BudgetDrawAttempts && cost is not null && cost.PenaltyOf(architecture) > 0; attempt++)
            architecture = Distribution.Sample(draws);
        return architecture;
    }

    /// <summary>One Adam step on π from the told draws (fewer than K when the budget cut the batch).</summary>
    public void Tell(IReadOnlyList<ModelArchitecture> architectures, IReadOnlyList<double> scores)
    {
        told.Add(architectures, scores);
        var (_, gradient) = ascent.Estimate(architectures, scores.Select(score => score / Options.Temperature).ToList());
        ascent.Ascend(gradient);
    }

    /// <summary>
    /// The mode of p(α|π), with the best architecture told; <see cref="Distribution"/> ranks the most probable. With
    /// a cost budget, the most probable architecture within it among the <see cref="BudgetRecommendationCandidates"/>
    /// most probable (the mode of every choice alone can lie over a budget that only some combinations meet); the
    /// plain mode when none of them is within it.
    /// </summary>
    public ParsecRecommendation Recommend()
    {
        var mode = cost is null
            ? Distribution.Mode()
            : Distribution.MostProbable(BudgetRecommendationCandidates).Select(ranked => ranked.Architecture)
                .FirstOrDefault(architecture => cost.PenaltyOf(architecture) == 0) ?? Distribution.Mode();
        return new ParsecRecommendation(mode, told.ScoreOf(mode), told.Best, Distribution.Summaries());
    }
}
