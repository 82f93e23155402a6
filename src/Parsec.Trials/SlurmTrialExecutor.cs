using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace Parsec.Trials;

/// <summary>
/// Runs trials as Slurm job arrays: one <c>sbatch</c> per wave of trials, tracked with <c>squeue</c>, results read
/// from the shared results directory.
/// </summary>
/// <remarks>
/// <para>Every job is named <see cref="JobName"/>, which is derived from the results directory, so a driver
/// restarted after being killed finds the jobs its predecessor left queued or running: it waits for them and collects
/// their results before it submits the trials that still have none, and so submits nothing twice.</para>
/// <para>A job that leaves the queue without a valid result (the trial failed, or the job was cancelled, timed out
/// or lost its node) is submitted again up to <see cref="SlurmTrialOptions.Retries"/> times. Each submitted script is
/// kept in <c>slurm/</c> of the results directory and each trial's output and error are appended to
/// <c>logs/&lt;id&gt;.out</c> and <c>logs/&lt;id&gt;.err</c>. Cancelling the run <c>scancel</c>s the jobs it submitted.</para>
/// </remarks>
public sealed class SlurmTrialExecutor : ITrialExecutor
{
    private const int MaxArrayTasks = 1000;   // Slurm's default MaxArraySize is 1001: indices 0..1000
    private const string ScriptsSubdirectory = "slurm";
    private static readonly TimeSpan SqueueOutageLimit = TimeSpan.FromMinutes(10);

    private readonly SlurmTrialOptions options;
    private readonly TrialsDirectory directory;

    /// <summary>Creates an executor; throws <see cref="ArgumentException"/> saying what to change when an option is invalid or unsafe.</summary>
    public SlurmTrialExecutor(SlurmTrialOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
        directory = new TrialsDirectory(options.ResultsDirectory);
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(directory.Root)))[..12];
        JobName = "parsec-trials-" + hash;
    }

    /// <summary>The name of every job this executor submits: <c>parsec-trials-</c> and a hash of the results directory's full path.</summary>
    public string JobName { get; }

    /// <summary>
    /// The batch script that would be submitted for <paramref name="trials"/> (array task i runs trial i), for review;
    /// nothing is written or submitted.
    /// </summary>
    public string RenderBatchScript(IReadOnlyList<TrialSpec> trials)
    {
        TrialsDirectory.CheckDistinct(trials);
        if (trials.Count is 0 or > MaxArrayTasks)
            throw new ArgumentException($"A batch script holds 1 to {MaxArrayTasks} trials, not {trials.Count}.", nameof(trials));
        return SlurmBatchScript.Render(options, JobName, Directory.GetCurrentDirectory(), directory, trials);
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The Slurm commands cannot be run, or <c>sbatch</c> refused a script.</exception>
    public IReadOnlyList<TrialOutcome> Run(IReadOnlyList<TrialSpec> trials, IProgress<TrialOutcome>? progress, CancellationToken cancellationToken)
    {
        TrialsDirectory.CheckDistinct(trials);
        directory.EnsureWritable(ScriptsSubdirectory);
        SlurmCommands.EnsureAvailable();
        cancellationToken.ThrowIfCancellationRequested();

        var run = new SlurmRun(trials, progress);
        foreach (var trial in run.Waiting.ToList())
            if (directory.FinishedResult(trial) is { } finished) run.Settle(new TrialOutcome(trial, finished, null, 0));
        // Jobs of this results directory that are already queued or running were left by an earlier driver.
        var inherited = new SlurmInheritedJobs(
            (SlurmCommands.ActiveTasks(JobName)
             ?? throw new InvalidOperationException($"squeue did not answer, so whether jobs named {JobName} of an earlier run still run is unknown: check slurmctld, then run again.")
            ).Select(task => task.ArrayJobId), options.ResultWait);
        var lastAnswer = Stopwatch.StartNew();
        try
        {
            while (!run.Finished)
            {
                var active = SlurmCommands.ActiveTasks(JobName);
                if (active is null)
                {
                    if (lastAnswer.Elapsed > SqueueOutageLimit)
                        throw new InvalidOperationException($"squeue has not answered for {SqueueOutageLimit.TotalMinutes} minutes: check slurmctld. The jobs submitted so far keep running; run again to collect them.");
                }
                else
                {
                    lastAnswer.Restart();
                    Poll(run, inherited, active);
                }
                if (!run.Finished) cancellationToken.WaitHandle.WaitOne(options.PollInterval);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException)
        {
            SlurmCommands.Cancel(run.SubmittedJobs);
            throw;
        }
        return run.Outcomes();
    }

    private void Poll(SlurmRun run, SlurmInheritedJobs inherited, IReadOnlyList<SlurmCommands.ActiveTask> active)
    {
        var activeTasks = active.Select(task => (task.ArrayJobId, task.TaskIndex)).ToHashSet();
        if (inherited.Pending)
        {
            // Which trials the earlier driver's jobs run is unknown here, so their results are collected as they
            // appear, until the last of those jobs has been out of the queue for ResultWait.
            inherited.Update(active.Select(task => task.ArrayJobId));
            foreach (var trial in run.Waiting.ToList())
                if (directory.FinishedResult(trial) is { } finished) run.Settle(new TrialOutcome(trial, finished, null, 0));
        }

        foreach (var (task, job) in run.Running.ToList())
        {
            if (activeTasks.Contains(task)) continue;
            var (result, problem) = directory.ReadAttemptResult(job.Trial);
            if (result is not null)
            {
                run.Settle(new TrialOutcome(job.Trial, result, null, job.Attempt));
            }
            else if (job.LeftQueue.Elapsed >= options.ResultWait)
            {
                string reason = $"its Slurm job {task.ArrayJobId}_{task.TaskIndex} ended without a valid result: {problem}";
                if (job.Attempt > options.Retries) run.Settle(directory.Failure(job.Trial, reason, job.ErrorOffset, job.Attempt));
                else run.Requeue(task, job.Trial);
            }
            else if (!job.LeftQueue.IsRunning)
            {
                job.LeftQueue.Start();
            }
        }

        if (!inherited.Pending && run.Waiting.Count > 0) Submit(run);
    }

    private void Submit(SlurmRun run)
    {
        foreach (var wave in run.Waiting.Chunk(MaxArrayTasks).ToList())
        {
            var jobs = wave.Select(trial =>
            {
                directory.RemoveResult(trial.Id);
                return new SlurmRun.SubmittedTrial(trial, run.NextAttempt(trial), directory.ErrorLength(trial.Id), new Stopwatch());
            }).ToList();
            string script = SlurmBatchScript.Render(options, JobName, Directory.GetCurrentDirectory(), directory, wave);
            string scriptsDirectory = Path.Combine(directory.Root, ScriptsSubdirectory);
            string scriptPath = Path.Combine(scriptsDirectory, $"{JobName}-{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss.fffffff", CultureInfo.InvariantCulture)}.sh");
            File.WriteAllText(scriptPath, script);
            long jobId = SlurmCommands.Submit(scriptPath, scriptsDirectory);
            run.Submitted(jobId, jobs);
        }
    }
}
