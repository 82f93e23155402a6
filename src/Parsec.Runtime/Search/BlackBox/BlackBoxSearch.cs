using System;
using System.Collections.Generic;
using System.Linq;
using Parsec.Data;
using Parsec.SearchSpace;

namespace Parsec.Search.BlackBox;

/// <summary>
/// Runs a black-box strategy against a score function: ask a batch, score the batch's new architectures, tell the
/// strategy every score of the batch, until <see cref="BlackBoxOptions.QueryBudget"/> queries are spent, the strategy
/// proposes nothing, or it proposes only scored architectures for <see cref="BlackBoxOptions.MaxConsecutiveRepeats"/>
/// proposals in a row. An architecture is scored once and its repeats answered from a cache without spending a query,
/// unless <see cref="BlackBoxOptions.RequeryRepeats"/>. When a batch holds more new architectures than the budget has
/// left, only the prefix that fits is scored and told. Each score (and cost) is checked: see
/// <see cref="BlackBoxScoreException"/>.
/// </summary>
public static class BlackBoxSearch
{
    /// <summary>Runs <paramref name="strategy"/>, scoring each batch's new architectures with one call (which may score them in parallel).</summary>
    /// <param name="strategy">The search strategy.</param>
    /// <param name="score">Scores a batch, one score per architecture in order; higher is better.</param>
    /// <param name="options">The run's settings; null for the defaults.</param>
    /// <exception cref="BlackBoxScoreException">The score function threw, returned the wrong number of scores or a non-finite score, or the cost function failed.</exception>
    public static BlackBoxResult<TRecommendation> Run<TRecommendation>(
        IBlackBoxStrategy<TRecommendation> strategy,
        Func<IReadOnlyList<ModelArchitecture>, IReadOnlyList<double>> score,
        BlackBoxOptions? options = null) where TRecommendation : BlackBoxRecommendation
    {
        ArgumentNullException.ThrowIfNull(score);
        return Run(strategy, score, int.MaxValue, options);
    }

    /// <summary>Runs <paramref name="strategy"/>, scoring one architecture per call.</summary>
    /// <param name="strategy">The search strategy.</param>
    /// <param name="score">Scores one architecture; higher is better.</param>
    /// <param name="options">The run's settings; null for the defaults.</param>
    /// <exception cref="BlackBoxScoreException">The score function threw or returned a non-finite score, or the cost function failed.</exception>
    public static BlackBoxResult<TRecommendation> Run<TRecommendation>(
        IBlackBoxStrategy<TRecommendation> strategy,
        Func<ModelArchitecture, double> score,
        BlackBoxOptions? options = null) where TRecommendation : BlackBoxRecommendation
    {
        ArgumentNullException.ThrowIfNull(score);
        return Run(strategy, batch => [score(batch[0])], 1, options);
    }

    private static BlackBoxResult<TRecommendation> Run<TRecommendation>(
        IBlackBoxStrategy<TRecommendation> strategy,
        Func<IReadOnlyList<ModelArchitecture>, IReadOnlyList<double>> score,
        int callSize,
        BlackBoxOptions? options) where TRecommendation : BlackBoxRecommendation
    {
        ArgumentNullException.ThrowIfNull(strategy);
        var settings = options ?? new BlackBoxOptions();
        if (settings.QueryBudget < 1)
            throw new ArgumentException($"BlackBoxOptions.QueryBudget is {settings.QueryBudget}: allow at least one query.", nameof(options));
        if (settings.MaxConsecutiveRepeats < 1)
            throw new ArgumentException(
                $"BlackBoxOptions.MaxConsecutiveRepeats is {settings.MaxConsecutiveRepeats}: allow at least one repeat in a row.", nameof(options));

        var run = new Queries(strategy.Space, score, callSize, settings);
        strategy.Start(new SearchRandom(settings.Seed), settings.Cost);
        while (true)
        {
            if (run.History.Count >= settings.QueryBudget) return Result(BlackBoxStopReason.BudgetSpent);
            var asked = strategy.Ask();
            if (asked.Count == 0) return Result(BlackBoxStopReason.StrategyExhausted);
            var answers = run.Answer(asked);
            strategy.Tell(answers.Select(answer => answer.Architecture).ToList(), answers.Select(answer => answer.PenalisedScore).ToList());
            if (run.ConsecutiveRepeats >= settings.MaxConsecutiveRepeats) return Result(BlackBoxStopReason.RepeatsOnly);
        }

        BlackBoxResult<TRecommendation> Result(BlackBoxStopReason reason) => new(strategy.Name, strategy.Recommend(), run.History, reason);
    }

    /// <summary>The run's queries: the history, the cache of scored architectures and the count of repeats in a row.</summary>
    private sealed class Queries(
        ModelSearchSpace space,
        Func<IReadOnlyList<ModelArchitecture>, IReadOnlyList<double>> score,
        int callSize,
        BlackBoxOptions settings)
    {
        private readonly Dictionary<ModelArchitecture, BlackBoxQuery> cache = new();

        public List<BlackBoxQuery> History { get; } = new();

        public int ConsecutiveRepeats { get; private set; }

        /// <summary>The queries answering the longest prefix of <paramref name="asked"/> whose new architectures fit in the budget.</summary>
        public List<BlackBoxQuery> Answer(IReadOnlyList<ModelArchitecture> asked)
        {
            var fresh = new List<ModelArchitecture>();
            var prefix = new List<ModelArchitecture>();
            foreach (var architecture in asked)
            {
                bool isNew = settings.RequeryRepeats || !(cache.ContainsKey(architecture) || fresh.Contains(architecture));
                if (isNew && History.Count + fresh.Count == settings.QueryBudget) break;
                if (isNew) fresh.Add(architecture);
                prefix.Add(architecture);
            }
            var queried = Query(fresh);
            if (settings.RequeryRepeats) return queried;

            var firstAnswers = new HashSet<ModelArchitecture>();
            foreach (var architecture in prefix)
                ConsecutiveRepeats = fresh.Contains(architecture) && firstAnswers.Add(architecture) ? 0 : ConsecutiveRepeats + 1;
            return prefix.Select(architecture => cache[architecture]).ToList();
        }

        private List<BlackBoxQuery> Query(List<ModelArchitecture> fresh)
        {
            var queried = new List<BlackBoxQuery>();
            for (int start = 0; start < fresh.Count; start += callSize)
            {
                var call = fresh.GetRange(start, Math.Min(callSize, fresh.Count - start));
                int first = History.Count;
                IReadOnlyList<double> scores;
                try
                {
                    scores = score(call);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    throw new BlackBoxScoreException(space, first, call, $"the score function threw {error.GetType().Name}: {error.Message}", error);
                }
                if (scores is null || scores.Count != call.Count)
                    throw new BlackBoxScoreException(space, first, call,
                        $"the score function returned {scores?.Count.ToString() ?? "null"} scores for {call.Count} architectures; return one per architecture, in order.");
                for (int i = 0; i < call.Count; i++)
                {
                    var query = new BlackBoxQuery(first + i, call[i], CheckedScore(first + i, call[i], scores[i]), Penalty(first + i, call[i]));
                    History.Add(query);
                    cache[call[i]] = query;
                    queried.Add(query);
                }
            }
            return queried;
        }

        private double CheckedScore(int index, ModelArchitecture architecture, double value) =>
            double.IsFinite(value)
                ? value
                : throw new BlackBoxScoreException(space, index, [architecture], $"its score is {value}; the score function must return finite numbers.");

        private double Penalty(int index, ModelArchitecture architecture)
        {
            if (settings.Cost is not { } cost) return 0;
            try
            {
                return cost.PenaltyOf(architecture);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                throw new BlackBoxScoreException(space, index, [architecture], $"its cost could not be used: {error.Message}", error);
            }
        }
    }
}
