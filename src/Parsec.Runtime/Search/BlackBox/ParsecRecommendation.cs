using System.Collections.Generic;
using Parsec.SearchSpace;

namespace Parsec.Search.BlackBox;

/// <summary>
/// Black-box PARSEC's answer. The recommendation (<see cref="BlackBoxRecommendation.Architecture"/>) is the mode of
/// the learned distribution p(α|π), PARSEC's own answer: a belief built from every score it drew, which a single
/// lucky score of a noisy evaluation cannot flatter. <see cref="BestQueried"/> is reported beside it.
/// </summary>
/// <param name="Architecture">The mode of p(α|π).</param>
/// <param name="Score">The mode's score less its penalty, or null when the search never scored the mode.</param>
/// <param name="BestQueried">The best-scoring architecture told (score less penalty).</param>
/// <param name="Choices">Per-choice probabilities and entropies.</param>
public sealed record ParsecRecommendation(
    ModelArchitecture Architecture,
    double? Score,
    RankedArchitecture BestQueried,
    IReadOnlyList<ChoiceSummary> Choices) : BlackBoxRecommendation(Architecture, Score);
