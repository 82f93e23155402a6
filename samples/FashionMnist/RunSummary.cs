using System.Collections.Generic;

namespace Parsec.Samples.FashionMnist;

/// <summary>Everything a finished run measured: the source of metrics.json, the report and the console table.</summary>
public sealed record RunSummary
{
    public required string Budget { get; init; }
    public required long Seed { get; init; }
    public required int Samples { get; init; }
    public required string Architecture { get; init; }
    public required double TestAccuracy { get; init; }
    public required long Parameters { get; init; }
    public required double SearchSeconds { get; init; }
    public required double RetrainSeconds { get; init; }
    public required double TotalSeconds { get; init; }
    public required IReadOnlyList<EpochRecord> Epochs { get; init; }
    public IReadOnlyList<double>? RandomAccuracies { get; init; }
}
