namespace Parsec.Search.BlackBox;

/// <summary>Why <see cref="BlackBoxSearch"/> stopped.</summary>
public enum BlackBoxStopReason
{
    /// <summary>Every query of <see cref="BlackBoxOptions.QueryBudget"/> was spent.</summary>
    BudgetSpent,

    /// <summary>The strategy had nothing left to propose (random search has scored the whole space).</summary>
    StrategyExhausted,

    /// <summary>
    /// <see cref="BlackBoxOptions.MaxConsecutiveRepeats"/> proposals in a row were architectures already scored: the
    /// strategy has stopped exploring (a PARSEC distribution that has collapsed onto scored architectures).
    /// </summary>
    RepeatsOnly,
}
