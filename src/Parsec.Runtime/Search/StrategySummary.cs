using System.Collections.Generic;
using Parsec.SearchSpace;

namespace Parsec.Search;

/// <summary>A strategy's answer at the end of a search.</summary>
/// <param name="Best">The architecture the strategy recommends.</param>
/// <param name="Ranked">Alternatives, best first.</param>
/// <param name="Choices">Per-choice probabilities and entropies.</param>
public sealed record StrategySummary(
    ModelArchitecture Best,
    IReadOnlyList<RankedArchitecture> Ranked,
    IReadOnlyList<ChoiceSummary> Choices);
