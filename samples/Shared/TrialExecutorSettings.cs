using System;
using Parsec.Trials;

namespace Parsec.Samples.FashionMnist;

/// <summary>
/// Where a sample's trials run, as its command line chose: <c>local</c> (child processes on this machine,
/// <see cref="LocalTrialPool"/>) or <c>slurm</c> (job arrays, <see cref="SlurmTrialExecutor"/>) with the cluster's
/// settings. The values are checked by <see cref="Create"/>, so both samples' options give the same messages.
/// </summary>
public sealed record TrialExecutorSettings
{
    /// <summary><c>local</c> or <c>slurm</c>.</summary>
    public string Executor { get; init; } = "local";

    /// <summary>Local: trials at once; null for one per core.</summary>
    public int? Workers { get; init; }

    /// <summary>Slurm: the partition; null for the cluster's default.</summary>
    public string? Partition { get; init; }

    /// <summary>Slurm: the account; null for the user's default.</summary>
    public string? Account { get; init; }

    /// <summary>Slurm: each trial's time limit in minutes; null for the partition's.</summary>
    public int? TimeLimitMinutes { get; init; }

    /// <summary>Slurm: each trial's memory in megabytes; null for the partition's.</summary>
    public int? MemoryMegabytes { get; init; }

    /// <summary>Slurm: one more <c>#SBATCH</c> line, or null.</summary>
    public string? ExtraDirective { get; init; }

    /// <summary>Whether the trials run on this machine's pool.</summary>
    public bool IsLocal => Executor == "local";

    /// <summary>The executor, writing results and logs under <paramref name="resultsDirectory"/>.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message says what to change.</exception>
    public ITrialExecutor Create(string resultsDirectory)
    {
        if (Workers < 1) throw new ArgumentException($"--workers takes a whole number of at least 1, not {Workers}.");
        if (Executor == "local")
            return new LocalTrialPool(new LocalTrialPoolOptions { ResultsDirectory = resultsDirectory, Workers = Workers });
        if (Executor != "slurm") throw new ArgumentException($"--executor takes local or slurm, not '{Executor}'.");
        return new SlurmTrialExecutor(new SlurmTrialOptions
        {
            ResultsDirectory = resultsDirectory,
            Partition = Partition,
            Account = Account,
            TimeLimit = TimeLimitMinutes is int minutes ? TimeSpan.FromMinutes(minutes) : null,
            MemoryPerTrialMegabytes = MemoryMegabytes,
            ExtraDirectives = ExtraDirective is string directive ? [directive] : [],
        });
    }
}
