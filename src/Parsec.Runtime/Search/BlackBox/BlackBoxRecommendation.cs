using Parsec.SearchSpace;

namespace Parsec.Search.BlackBox;

/// <summary>A black-box strategy's recommended architecture.</summary>
/// <param name="Architecture">The recommended architecture.</param>
/// <param name="Score">Its score less its cost penalty as told to the strategy, or null when it was never scored.</param>
public record BlackBoxRecommendation(ModelArchitecture Architecture, double? Score);
