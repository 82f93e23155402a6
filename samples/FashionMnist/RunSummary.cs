using System.Collections.Generic;
using System.Linq;

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
    /// <summary>The search's seconds over every session of the run.</summary>
    public required double SearchSeconds { get; init; }
    /// <summary>The winner's retraining and test over every session of the run.</summary>
    public required double RetrainSeconds { get; init; }
    /// <summary>Wall time of this session, from the data loaded to the report.</summary>
    public required double TotalSeconds { get; init; }
    public required IReadOnlyList<EpochRecord> Epochs { get; init; }
    /// <summary>The uniformly random architectures retrained the same way (<c>--compare-random</c>), if any.</summary>
    public IReadOnlyList<RandomBaseline>? RandomBaselines { get; init; }
    /// <summary>The random architectures' test accuracies, in the order they were drawn.</summary>
    public IReadOnlyList<double>? RandomAccuracies => RandomBaselines?.Select(baseline => baseline.TestAccuracy).ToArray();
    /// <summary>The winner's mean loss on the retraining's validation images with the search's shared weights (with <c>--compare-random</c>).</summary>
    public double? WinnerSupernetLoss { get; init; }
    /// <summary>
    /// Kendall's τ between how the search's shared weights rank the winner and the random cells (lower loss first) and
    /// how they retrained (higher test accuracy first); null without random cells, NaN when undefined (see
    /// <see cref="SupernetRanking.KendallTau"/>).
    /// </summary>
    public double? RankAgreement => RandomBaselines is { Count: > 0 } baselines && WinnerSupernetLoss is double winnerLoss
        ? SupernetRanking.KendallTau(
            baselines.Select(baseline => -baseline.SupernetLoss).Prepend(-winnerLoss).ToArray(),
            baselines.Select(baseline => baseline.TestAccuracy).Prepend(TestAccuracy).ToArray())
        : null;
    /// <summary>The learned distribution's most probable architectures retrained the same way (<c>--retrain-top</c>), most probable first, if any.</summary>
    public IReadOnlyList<TopArchitecture>? TopArchitectures { get; init; }
    /// <summary>Part of the run continued from checkpoints of an earlier session (whose time <see cref="TotalSeconds"/> leaves out).</summary>
    public required bool Resumed { get; init; }
    /// <summary>The retrained winner's weights, relative to the output folder.</summary>
    public required string RetrainedWeights { get; init; }
    /// <summary>The C# expression that builds the exported class at the retrained size, to load those weights into.</summary>
    public required string ShippedConstructor { get; init; }
}

/// <summary>
/// A uniformly random architecture of the searched space, its retrained test accuracy, and its mean loss on the
/// retraining's validation images with the search's shared weights (<see cref="SupernetRanking.Loss"/>).
/// </summary>
public sealed record RandomBaseline(string Architecture, double TestAccuracy, double SupernetLoss);

/// <summary>One of the learned distribution's most probable architectures, its probability and its retrained test accuracy.</summary>
public sealed record TopArchitecture(string Architecture, double Probability, double TestAccuracy);
