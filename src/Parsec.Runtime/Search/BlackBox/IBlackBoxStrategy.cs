using System.Collections.Generic;
using Parsec.Data;
using Parsec.SearchSpace;

namespace Parsec.Search.BlackBox;

/// <summary>
/// A search that learns from scores of whole architectures only (a table lookup, a short training run, a measured
/// latency; higher is better), with no supernet weights. <see cref="BlackBoxSearch"/> drives it in ask/tell rounds:
/// the strategy proposes a batch (<see cref="Ask"/>), the caller scores the batch's new architectures, possibly in
/// parallel, and the strategy is told every score of the batch (<see cref="Tell"/>). A new algorithm is a new
/// implementation of this interface.
/// </summary>
/// <typeparam name="TRecommendation">The strategy's answer.</typeparam>
public interface IBlackBoxStrategy<out TRecommendation> where TRecommendation : BlackBoxRecommendation
{
    /// <summary>The strategy's name.</summary>
    string Name { get; }

    /// <summary>The searched space (a model's, or <see cref="ModelSearchSpace.OfCells"/>).</summary>
    ModelSearchSpace Space { get; }

    /// <summary>
    /// Begins a run: forgets what earlier runs told it and draws from <paramref name="random"/> from now on, so equal
    /// seeds and scores give equal runs. Learned beliefs the caller set up (a PARSEC distribution loaded to warm-start)
    /// are kept. <paramref name="cost"/> is the run's cost budget (<see cref="BlackBoxOptions.Cost"/>), null for
    /// none: the scores a strategy is told are already penalised, and a strategy may also use it to propose and
    /// recommend within the budget.
    /// </summary>
    void Start(SearchRandom random, CostBudget? cost);

    /// <summary>
    /// The next architectures to score, in the order they are to be told. They may repeat each other or architectures
    /// already scored; the driver answers repeats from its cache. Empty when the strategy has nothing left to propose.
    /// </summary>
    IReadOnlyList<ModelArchitecture> Ask();

    /// <summary>
    /// The scores of the last <see cref="Ask"/>'s architectures, in order, each less its cost penalty
    /// (<see cref="BlackBoxOptions.Cost"/>): all of them, or a prefix when the query budget ran out within the batch.
    /// </summary>
    void Tell(IReadOnlyList<ModelArchitecture> architectures, IReadOnlyList<double> scores);

    /// <summary>The strategy's answer from what it has been told.</summary>
    /// <exception cref="System.InvalidOperationException">Nothing has been told yet.</exception>
    TRecommendation Recommend();
}
