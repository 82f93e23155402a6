using System;
using System.Collections.Generic;
using System.Globalization;
using Parsec.Search;

namespace Parsec.Export;

/// <summary>
/// Where an exported architecture came from, for the exported file's header. Every part is optional: an
/// architecture exported alone has no probabilities.
/// </summary>
public sealed record ExportProvenance
{
    /// <summary>The search strategy's name.</summary>
    public string? Strategy { get; init; }

    /// <summary>Per-choice probabilities at the end of the search (<see cref="SearchResult.Choices"/>).</summary>
    public IReadOnlyList<ChoiceSummary> Probabilities { get; init; } = Array.Empty<ChoiceSummary>();

    /// <summary>The search settings worth recording, as name and value, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SearchSettings { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>
    /// The distribution file the architecture was read from or saved to. The header records its name and, when the file
    /// exists at export time, its SHA-256, not the path, which is a path of the machine that searched.
    /// </summary>
    public string? DistributionFile { get; init; }

    /// <summary>The provenance of a search's result: its strategy and probabilities, and the settings it ran with.</summary>
    public static ExportProvenance From(SearchResult result, SearchOptions? settings = null, string? distributionFile = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ExportProvenance
        {
            Strategy = result.Strategy,
            Probabilities = result.Choices,
            SearchSettings = settings is null ? Array.Empty<KeyValuePair<string, string>>() : Describe(settings, result.History.Count),
            DistributionFile = distributionFile,
        };
    }

    private static KeyValuePair<string, string>[] Describe(SearchOptions settings, int stepsRun)
    {
        static KeyValuePair<string, string> Setting(string name, IFormattable value) =>
            new(name, value.ToString(null, CultureInfo.InvariantCulture));

        return new[]
        {
            Setting(nameof(SearchOptions.Steps), settings.Steps),
            Setting("StepsRun", stepsRun),
            Setting(nameof(SearchOptions.BatchSize), settings.BatchSize),
            Setting(nameof(SearchOptions.Seed), settings.Seed),
            new KeyValuePair<string, string>("WeightOptimizer", settings.WeightOptimizer is null
                ? FormattableString.Invariant($"SGD(lr {settings.WeightLearningRate}, momentum {settings.WeightMomentum}, decay {settings.WeightDecay})")
                : "custom"),
            new KeyValuePair<string, string>(nameof(SearchOptions.CosineSchedule), settings.CosineSchedule ? "true" : "false"),
        };
    }
}
