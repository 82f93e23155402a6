using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Parsec.Trials;

/// <summary>
/// The default executor: runs trials as child processes of this one, <see cref="LocalTrialPoolOptions.EffectiveWorkers"/>
/// at a time (by default max(1, cores / threads per trial)).
/// </summary>
/// <remarks>
/// Each child's standard output and error are appended to <c>logs/&lt;id&gt;.out</c> and <c>logs/&lt;id&gt;.err</c>
/// of the results directory, and its input is empty. A trial succeeds when it leaves a result that passes
/// <see cref="TrialResult.Read"/>; otherwise it is run again up to <see cref="LocalTrialPoolOptions.Retries"/> times.
/// A running child is recorded in <c>running/&lt;id&gt;.pid</c>: a driver restarted after being killed waits for
/// such a child and collects its result rather than starting the trial twice. Needs <c>/bin/sh</c> (Linux, macOS).
/// </remarks>
public sealed class LocalTrialPool : ITrialExecutor
{
    // Runs the trial with its output appended to the log files; every value arrives as an argument, none is parsed.
    private const string LaunchScript = "out=$1; err=$2; shift 2; exec \"$@\" >>\"$out\" 2>>\"$err\" </dev/null";

    private readonly LocalTrialPoolOptions options;

    /// <summary>Creates a pool; throws <see cref="ArgumentException"/> saying what to change when an option is invalid.</summary>
    public LocalTrialPool(LocalTrialPoolOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
    }

    /// <inheritdoc />
    public IReadOnlyList<TrialOutcome> Run(IReadOnlyList<TrialSpec> trials, IProgress<TrialOutcome>? progress, CancellationToken cancellationToken)
    {
        TrialsDirectory.CheckDistinct(trials);
        var directory = new TrialsDirectory(options.ResultsDirectory);
        directory.EnsureWritable(LocalTrialLease.Subdirectory);
        cancellationToken.ThrowIfCancellationRequested();

        var outcomes = new TrialOutcome[trials.Count];
        var queue = new ConcurrentQueue<int>(Enumerable.Range(0, trials.Count));
        var reportLock = new Lock();
        async Task Worker()
        {
            while (queue.TryDequeue(out int index))
            {
                outcomes[index] = await RunTrialAsync(directory, trials[index], cancellationToken);
                lock (reportLock) progress?.Report(outcomes[index]);
            }
        }
        var workers = Enumerable.Range(0, Math.Min(options.EffectiveWorkers, trials.Count)).Select(_ => Task.Run(Worker, cancellationToken));
        Task.WhenAll(workers).GetAwaiter().GetResult();
        return outcomes;
    }

    private async Task<TrialOutcome> RunTrialAsync(TrialsDirectory directory, TrialSpec trial, CancellationToken cancellationToken)
    {
        var lease = new LocalTrialLease(directory, trial.Id);
        await lease.WaitForEarlierRunAsync(cancellationToken);
        if (directory.FinishedResult(trial) is { } finished) return new TrialOutcome(trial, finished, null, 0);

        for (int attempt = 1; ; attempt++)
        {
            directory.RemoveResult(trial.Id);
            long errorOffset = directory.ErrorLength(trial.Id);
            int exitCode = await RunProcessAsync(directory, trial, lease, cancellationToken);
            var (result, problem) = directory.ReadAttemptResult(trial);
            if (result is not null) return new TrialOutcome(trial, result, null, attempt);
            if (attempt > options.Retries)
            {
                string reason = exitCode == 0 ? problem! : $"its process exited with code {exitCode} and {problem}";
                return directory.Failure(trial, reason, errorOffset, attempt);
            }
        }
    }

    private async Task<int> RunProcessAsync(TrialsDirectory directory, TrialSpec trial, LocalTrialLease lease, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (string argument in (string[])["-c", LaunchScript, "parsec-trial", directory.OutputPath(trial.Id), directory.ErrorPath(trial.Id), trial.Program])
            start.ArgumentList.Add(argument);
        foreach (string argument in trial.CommandLine(directory.ResultPath(trial.Id))) start.ArgumentList.Add(argument);
        string threads = options.ThreadsPerTrial.ToString(CultureInfo.InvariantCulture);
        start.Environment["OMP_NUM_THREADS"] = threads;
        start.Environment["MKL_NUM_THREADS"] = threads;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start /bin/sh for trial '{trial.Id}'.");
        lease.Take(process);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            lease.Release();
        }
    }
}
