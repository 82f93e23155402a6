using Parsec.SearchSpace;

namespace Parsec.Search;

/// <summary>An architecture with the score a strategy ranks it by (higher is better).</summary>
/// <param name="Architecture">The architecture.</param>
/// <param name="Score">
/// PARSEC: log p(α|π). Random sampling: minus the mean validation loss with the shared weights. DARTS: the sum of
/// the log softmax(α) weights of the chosen operations. Black-box search: the caller's score less its cost penalty.
/// </param>
public sealed record RankedArchitecture(ModelArchitecture Architecture, double Score);
