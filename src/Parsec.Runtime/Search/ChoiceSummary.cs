using System.Collections.Immutable;
using Parsec.SearchSpace;

namespace Parsec.Search;

/// <summary>A strategy's belief about one choice at the end of a search.</summary>
/// <param name="Key">The distribution key.</param>
/// <param name="Choice">The choice name.</param>
/// <param name="Options">The option names.</param>
/// <param name="Probabilities">Per logit row, the probability of each option (the first draw's, for inputs drawn without replacement).</param>
/// <param name="Entropy">The choice's entropy in nats.</param>
public sealed record ChoiceSummary(
    string Key,
    string Choice,
    ImmutableArray<string> Options,
    ImmutableArray<ImmutableArray<double>> Probabilities,
    double Entropy);
