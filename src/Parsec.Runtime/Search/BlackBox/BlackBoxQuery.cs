using Parsec.SearchSpace;

namespace Parsec.Search.BlackBox;

/// <summary>One call of the score function for one architecture.</summary>
/// <param name="Index">The query's position in the run, from 0.</param>
/// <param name="Architecture">The scored architecture.</param>
/// <param name="Score">The score the caller's function returned.</param>
/// <param name="Penalty">The cost penalty (<see cref="CostBudget.PenaltyOf"/>); 0 without a budget.</param>
public sealed record BlackBoxQuery(int Index, ModelArchitecture Architecture, double Score, double Penalty)
{
    /// <summary>What the strategy was told and ranks by: the score less the penalty.</summary>
    public double PenalisedScore => Score - Penalty;
}
