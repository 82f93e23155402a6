using System.Collections.Immutable;

namespace Parsec.Search;

/// <summary>What loading a distribution file did.</summary>
/// <param name="Loaded">The choices whose logits were loaded, as <c>key.choice</c>.</param>
/// <param name="Skipped">The choices left as they were (model side) or ignored (file side), each with the reason.</param>
public sealed record DistributionLoadResult(ImmutableArray<string> Loaded, ImmutableArray<string> Skipped);
