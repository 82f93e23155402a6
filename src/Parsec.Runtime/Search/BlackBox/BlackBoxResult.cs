using System.Collections.Generic;

namespace Parsec.Search.BlackBox;

/// <summary>The outcome of <see cref="BlackBoxSearch"/>.</summary>
/// <typeparam name="TRecommendation">The strategy's answer.</typeparam>
/// <param name="Strategy">The strategy's name.</param>
/// <param name="Recommendation">The strategy's answer at the end of the run.</param>
/// <param name="History">Every query, in order (repeats answered from the cache are not queries).</param>
/// <param name="StopReason">Why the run stopped.</param>
public sealed record BlackBoxResult<TRecommendation>(
    string Strategy,
    TRecommendation Recommendation,
    IReadOnlyList<BlackBoxQuery> History,
    BlackBoxStopReason StopReason) where TRecommendation : BlackBoxRecommendation;
