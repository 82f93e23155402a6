using System;

namespace Parsec.Trials;

/// <summary>Settings of a <see cref="LocalTrialPool"/>.</summary>
public sealed record LocalTrialPoolOptions
{
    /// <summary>
    /// Where results (<c>&lt;id&gt;.json</c>) and logs (<c>logs/&lt;id&gt;.out</c>, <c>logs/&lt;id&gt;.err</c>) go;
    /// created when missing. A valid result already there means the trial is not run again.
    /// </summary>
    public required string ResultsDirectory { get; init; }

    /// <summary>How many times a failed trial is run again before its outcome reports the error (default 2, at least 0).</summary>
    public int Retries { get; init; } = 2;

    /// <summary>
    /// The threads each trial may use (default 1): the pool sets <c>OMP_NUM_THREADS</c> and <c>MKL_NUM_THREADS</c>
    /// of its process to it, and sizes <see cref="EffectiveWorkers"/> by it.
    /// </summary>
    public int ThreadsPerTrial { get; init; } = 1;

    /// <summary>How many trials run at once; null (the default) means max(1, cores / <see cref="ThreadsPerTrial"/>).</summary>
    public int? Workers { get; init; }

    /// <summary>The number of trials that run at once: <see cref="Workers"/>, or max(1, cores / <see cref="ThreadsPerTrial"/>).</summary>
    public int EffectiveWorkers => Workers ?? Math.Max(1, Environment.ProcessorCount / ThreadsPerTrial);

    /// <summary>Throws <see cref="ArgumentException"/> saying what to change when a setting is out of range.</summary>
    public void Validate()
    {
        TrialsDirectory.ValidatePath(ResultsDirectory, nameof(ResultsDirectory));
        if (Retries < 0) throw new ArgumentException($"Retries is {Retries}: use 0 or more.", nameof(Retries));
        if (ThreadsPerTrial < 1) throw new ArgumentException($"ThreadsPerTrial is {ThreadsPerTrial}: use 1 or more.", nameof(ThreadsPerTrial));
        if (Workers < 1) throw new ArgumentException($"Workers is {Workers}: use 1 or more, or null for one per {ThreadsPerTrial} core(s).", nameof(Workers));
    }
}
