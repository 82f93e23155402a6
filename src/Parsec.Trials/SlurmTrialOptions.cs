using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Parsec.Trials;

/// <summary>Settings of a <see cref="SlurmTrialExecutor"/>: where results go and what each trial's job asks Slurm for.</summary>
public sealed partial record SlurmTrialOptions
{
    /// <summary>
    /// Where results (<c>&lt;id&gt;.json</c>), logs (<c>logs/&lt;id&gt;.out</c>, <c>logs/&lt;id&gt;.err</c>) and the
    /// submitted batch scripts (<c>slurm/</c>) go. It must be on a file system the compute nodes share with the
    /// driver (the cluster's shared directory); created when missing. A valid result there is not run again.
    /// </summary>
    public required string ResultsDirectory { get; init; }

    /// <summary>
    /// How many times a trial whose job ended without a valid result (it failed, was cancelled, or its node was lost)
    /// is submitted again before its outcome reports the error (default 2, at least 0).
    /// </summary>
    public int Retries { get; init; } = 2;

    /// <summary>The partition (<c>--partition</c>), or null for the cluster's default; letters, digits, '.', '_', '-'.</summary>
    public string? Partition { get; init; }

    /// <summary>The account to charge (<c>--account</c>), or null for the user's default; letters, digits, '.', '_', '-'.</summary>
    public string? Account { get; init; }

    /// <summary>Each trial's time limit (<c>--time</c>, whole seconds), or null for the partition's default.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>CPUs per trial (<c>--cpus-per-task</c>, default 1); also the trial's <c>OMP_NUM_THREADS</c> and <c>MKL_NUM_THREADS</c>.</summary>
    public int CpusPerTrial { get; init; } = 1;

    /// <summary>GPUs per trial (<c>--gres=gpu:N</c>); 0, the default, asks for none.</summary>
    public int GpusPerTrial { get; init; }

    /// <summary>Memory per trial in megabytes (<c>--mem</c>), or null for the partition's default.</summary>
    public int? MemoryPerTrialMegabytes { get; init; }

    /// <summary>
    /// The most trials of one submission that run at once (the array's <c>%N</c> throttle), or null for no limit.
    /// </summary>
    public int? MaxConcurrentTrials { get; init; }

    /// <summary>
    /// More <c>#SBATCH</c> lines, whole (<c>"#SBATCH --qos=long"</c>): a long option and at most a value of letters,
    /// digits and <c>_ . , : @ % + / = -</c>. The options the executor sets itself to track its jobs (<c>--array</c>,
    /// <c>--job-name</c>, <c>--chdir</c>, <c>--wrap</c>) are refused.
    /// </summary>
    public IReadOnlyList<string> ExtraDirectives { get; init; } = [];

    /// <summary>How often the executor asks <c>squeue</c> about its jobs (default 5 seconds).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long after a job has left the queue its result may take to appear (a shared file system's caches); after
    /// it the job counts as failed. Default 10 seconds.
    /// </summary>
    public TimeSpan ResultWait { get; init; } = TimeSpan.FromSeconds(10);

    private static readonly string[] ReservedOptions = ["array", "job-name", "chdir", "wrap"];

    /// <summary>Throws <see cref="ArgumentException"/> saying what to change when a setting is out of range or unsafe.</summary>
    public void Validate()
    {
        TrialsDirectory.ValidatePath(ResultsDirectory, nameof(ResultsDirectory));
        if (Retries < 0) throw new ArgumentException($"Retries is {Retries}: use 0 or more.", nameof(Retries));
        ValidateName(Partition, nameof(Partition));
        ValidateName(Account, nameof(Account));
        if (TimeLimit is { } limit && limit < TimeSpan.FromSeconds(1))
            throw new ArgumentException($"TimeLimit is {limit}: use at least one second, or null for the partition's default.", nameof(TimeLimit));
        if (CpusPerTrial < 1) throw new ArgumentException($"CpusPerTrial is {CpusPerTrial}: use 1 or more.", nameof(CpusPerTrial));
        if (GpusPerTrial < 0) throw new ArgumentException($"GpusPerTrial is {GpusPerTrial}: use 0 or more.", nameof(GpusPerTrial));
        if (MemoryPerTrialMegabytes < 1)
            throw new ArgumentException($"MemoryPerTrialMegabytes is {MemoryPerTrialMegabytes}: use 1 or more, or null for the partition's default.", nameof(MemoryPerTrialMegabytes));
        if (MaxConcurrentTrials < 1)
            throw new ArgumentException($"MaxConcurrentTrials is {MaxConcurrentTrials}: use 1 or more, or null for no limit.", nameof(MaxConcurrentTrials));
        if (PollInterval <= TimeSpan.Zero) throw new ArgumentException($"PollInterval is {PollInterval}: use a positive time.", nameof(PollInterval));
        if (ResultWait < TimeSpan.Zero) throw new ArgumentException($"ResultWait is {ResultWait}: use zero or a positive time.", nameof(ResultWait));
        ArgumentNullException.ThrowIfNull(ExtraDirectives, nameof(ExtraDirectives));
        foreach (string directive in ExtraDirectives) ValidateDirective(directive);
    }

    private static void ValidateName(string? name, string option)
    {
        if (name is not null && !NamePattern().IsMatch(name))
            throw new ArgumentException($"{option} '{name}' is not a Slurm name this executor accepts: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.", option);
    }

    private static void ValidateDirective(string? directive)
    {
        var match = directive is null ? Match.Empty : DirectivePattern().Match(directive);
        if (!match.Success)
            throw new ArgumentException(
                $"The extra line '{directive}' is not accepted: write '#SBATCH --option' or '#SBATCH --option=value' with a long option and a value of letters, digits and _ . , : @ % + / = - only (no spaces, quotes or shell characters).",
                nameof(ExtraDirectives));
        string option = match.Groups["option"].Value;
        if (ReservedOptions.Contains(option))
            throw new ArgumentException($"The extra line '{directive}' sets --{option}, which the executor sets itself to track its jobs: leave it out.", nameof(ExtraDirectives));
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^#SBATCH --(?<option>[a-z][a-z0-9-]*)(=[A-Za-z0-9_.,:@%+/=-]+)?\z")]
    private static partial Regex DirectivePattern();
}
