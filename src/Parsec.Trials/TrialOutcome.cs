namespace Parsec.Trials;

/// <summary>How one trial of a run ended.</summary>
/// <param name="Trial">The trial.</param>
/// <param name="Result">Its checked result, or null when every attempt failed.</param>
/// <param name="Error">Null on success; otherwise why the last attempt failed, with the tail of its error output.</param>
/// <param name="Attempts">
/// The attempts this run made: 0 when the result came from an earlier run (already in the results directory, or
/// written by a process or job that an earlier, killed driver had started).
/// </param>
public sealed record TrialOutcome(TrialSpec Trial, TrialResult? Result, string? Error, int Attempts)
{
    /// <summary>True when the trial has a checked result.</summary>
    public bool Succeeded => Result is not null;
}
