namespace Parsec.Search.BlackBox;

/// <summary>Settings of a <see cref="BlackBoxSearch"/> run, whatever the strategy.</summary>
public sealed record BlackBoxOptions
{
    /// <summary>How many times the score function may be called for one architecture each; at least 1. Default 100.</summary>
    public int QueryBudget { get; init; } = 100;

    /// <summary>The seed of the strategy's random draws: equal seeds and scores give equal histories. Default 1.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>
    /// Score an architecture again each time a strategy proposes it, spending a query each time (for a noisy score,
    /// such as a short training run with a fresh seed). Off by default: a repeat is answered with its first score
    /// and costs no query.
    /// </summary>
    public bool RequeryRepeats { get; init; }

    /// <summary>
    /// How many proposals in a row may be answered from the cache before the run stops with
    /// <see cref="BlackBoxStopReason.RepeatsOnly"/>: repeats cost no query, so a strategy that only proposes scored
    /// architectures (a collapsed PARSEC distribution, a converged population) would otherwise never end. At least 1.
    /// Default 100.
    /// </summary>
    public int MaxConsecutiveRepeats { get; init; } = 100;

    /// <summary>
    /// An optional cost budget: each queried architecture's score loses λ · max(0, cost / budget − 1) before the
    /// strategy is told it, so random search and evolution rank, and PARSEC's likelihood (score − penalty) / T weighs,
    /// the penalised score; λ is in the score's unit (<see cref="CostBudget"/>). PARSEC also draws and recommends
    /// within the budget (<see cref="BlackBoxParsec.Recommend"/>). The history keeps score and penalty apart. Null
    /// (the default) searches without a budget.
    /// </summary>
    public CostBudget? Cost { get; init; }
}
