using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace Parsec.Trials;

/// <summary>
/// The state of one <see cref="SlurmTrialExecutor.Run"/>: which trials wait to be submitted, which array task runs
/// which trial, and the outcomes settled so far (each reported once, in turn).
/// </summary>
internal sealed class SlurmRun(IReadOnlyList<TrialSpec> trials, IProgress<TrialOutcome>? progress)
{
    /// <summary>A trial submitted as an array task: its attempt, where its error output starts, and since when it has been out of the queue.</summary>
    public sealed record SubmittedTrial(TrialSpec Trial, int Attempt, long ErrorOffset, Stopwatch LeftQueue);

    private readonly Dictionary<string, TrialOutcome> outcomes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> attempts = new(StringComparer.Ordinal);
    private readonly HashSet<long> submittedJobs = [];

    /// <summary>Trials waiting to be submitted, in the order given.</summary>
    public List<TrialSpec> Waiting { get; } = [.. trials];

    /// <summary>The submitted trials by (array job id, task index).</summary>
    public Dictionary<(long ArrayJobId, int TaskIndex), SubmittedTrial> Running { get; } = [];

    /// <summary>Every array job this run submitted.</summary>
    public IReadOnlyCollection<long> SubmittedJobs => submittedJobs;

    public bool Finished => outcomes.Count == trials.Count;

    public int NextAttempt(TrialSpec trial) => attempts[trial.Id] = attempts.GetValueOrDefault(trial.Id) + 1;

    public void Submitted(long arrayJobId, IReadOnlyList<SubmittedTrial> jobs)
    {
        submittedJobs.Add(arrayJobId);
        for (int index = 0; index < jobs.Count; index++)
        {
            Running[(arrayJobId, index)] = jobs[index];
            Waiting.Remove(jobs[index].Trial);
        }
    }

    /// <summary>Puts a trial whose job ended without a result back among those waiting to be submitted.</summary>
    public void Requeue((long ArrayJobId, int TaskIndex) task, TrialSpec trial)
    {
        Running.Remove(task);
        Waiting.Add(trial);
    }

    /// <summary>Records the trial's outcome and reports it.</summary>
    public void Settle(TrialOutcome outcome)
    {
        outcomes[outcome.Trial.Id] = outcome;
        Waiting.Remove(outcome.Trial);
        foreach (var task in Running.Where(entry => entry.Value.Trial.Id == outcome.Trial.Id).Select(entry => entry.Key).ToList())
            Running.Remove(task);
        progress?.Report(outcome);
    }

    /// <summary>The outcomes in the order of the trials given.</summary>
    public IReadOnlyList<TrialOutcome> Outcomes() => trials.Select(trial => outcomes[trial.Id]).ToList();
}
