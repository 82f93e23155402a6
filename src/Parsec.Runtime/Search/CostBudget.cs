using System;
using Parsec.SearchSpace;

namespace Parsec.Search;

/// <summary>
/// A cost budget in the search objective, as FP-NAS (Yan et al. 2021) adds a hinge on the cost above a target to the
/// negative log-likelihood: an architecture α loses <c>λ · max(0, cost(α) / budget − 1)</c> (<see cref="PenaltyOf"/>)
/// from the quantity a strategy ranks it by, so nothing changes within the budget and the loss grows linearly with
/// the relative overshoot. What that quantity is, and so the unit of λ, is the strategy's:
/// <list type="bullet">
/// <item>the weight-sharing <see cref="ParsecStrategy"/> (<see cref="ParsecOptions.Cost"/>): the log-likelihood
/// ℓ(α) = −CE_sum / T behind π's importance weights, so λ is in nats;</item>
/// <item>black-box search (<c>BlackBoxOptions.Cost</c>): the user's score, so λ is in the score's unit, and black-box
/// PARSEC's log-likelihood (score − penalty) / T loses λ / T per unit of overshoot.</item>
/// </list>
/// </summary>
public sealed class CostBudget
{
    /// <summary>Creates a budget.</summary>
    /// <param name="cost">
    /// The cost of an architecture in any unit (parameters, FLOPs, a measured latency); it must return a finite number.
    /// It is called once per scored architecture, so an expensive measurement can stay uncached.
    /// </param>
    /// <param name="budget">The cost allowed without penalty, in <paramref name="cost"/>'s unit: positive and finite.</param>
    /// <param name="penalty">
    /// λ, what a cost of twice the budget loses, in the unit of the ranked quantity (see the class remarks): 0 or more
    /// and finite; 0 switches the budget off. There is no default because that unit is the caller's.
    /// </param>
    public CostBudget(Func<ModelArchitecture, double> cost, double budget, double penalty)
    {
        ArgumentNullException.ThrowIfNull(cost);
        if (!(budget > 0) || !double.IsFinite(budget))
            throw new ArgumentOutOfRangeException(nameof(budget), budget,
                "The budget is the cost allowed without penalty: pass a positive, finite number in the cost function's unit.");
        if (!(penalty >= 0) || !double.IsFinite(penalty))
            throw new ArgumentOutOfRangeException(nameof(penalty), penalty,
                "The penalty λ is what a cost of twice the budget loses: pass 0 or a positive, finite number.");
        Cost = cost;
        Budget = budget;
        Penalty = penalty;
    }

    /// <summary>The cost function.</summary>
    public Func<ModelArchitecture, double> Cost { get; }

    /// <summary>The cost allowed without penalty.</summary>
    public double Budget { get; }

    /// <summary>λ, the penalty per unit of relative overshoot.</summary>
    public double Penalty { get; }

    /// <summary>λ · max(0, cost(α) / budget − 1): 0 within the budget.</summary>
    /// <exception cref="ArgumentException">The cost function returned NaN or an infinity for <paramref name="architecture"/>.</exception>
    public double PenaltyOf(ModelArchitecture architecture)
    {
        double cost = Cost(architecture);
        if (!double.IsFinite(cost))
            throw new ArgumentException(
                $"The cost of architecture {architecture} is {cost}: the cost function must return a finite number.", nameof(architecture));
        return Penalty * Math.Max(0, cost / Budget - 1);
    }
}
