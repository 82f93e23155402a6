using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace Parsec.Trials;

/// <summary>The Slurm client commands the executor runs (<c>sbatch</c>, <c>squeue</c>, <c>scancel</c>), never through a shell.</summary>
internal static class SlurmCommands
{
    /// <summary>An array task of one of the executor's jobs that Slurm still knows as queued or running.</summary>
    public readonly record struct ActiveTask(long ArrayJobId, int TaskIndex, string State);

    /// <summary>Throws <see cref="InvalidOperationException"/> saying what to do when <c>sbatch</c> cannot be run.</summary>
    public static void EnsureAvailable()
    {
        var (exitCode, _, error) = Run("sbatch", ["--version"], workingDirectory: null);
        if (exitCode != 0)
            throw new InvalidOperationException($"'sbatch --version' failed ({error.Trim()}): check the Slurm client's configuration (SLURM_CONF) and that slurmctld runs.");
    }

    /// <summary>Submits the batch script at <paramref name="scriptPath"/> from <paramref name="workingDirectory"/>; returns its job id.</summary>
    public static long Submit(string scriptPath, string workingDirectory)
    {
        var (exitCode, output, error) = Run("sbatch", ["--parsable", scriptPath], workingDirectory);
        string firstField = output.Trim().Split(';')[0];
        if (exitCode != 0 || !long.TryParse(firstField, NumberStyles.None, CultureInfo.InvariantCulture, out long jobId))
            throw new InvalidOperationException($"sbatch refused {scriptPath} (exit code {exitCode}): {error.Trim()}{output.Trim()}");
        return jobId;
    }

    /// <summary>
    /// This user's queued and running array tasks of jobs named <paramref name="jobName"/>, or null when
    /// <c>squeue</c> did not answer (the controller may be busy; ask again later).
    /// </summary>
    public static IReadOnlyList<ActiveTask>? ActiveTasks(string jobName)
    {
        var (exitCode, output, _) = Run("squeue", ["--me", "--array", "--noheader", $"--name={jobName}", "--format=%F|%K|%T"], workingDirectory: null);
        if (exitCode != 0) return null;
        var tasks = new List<ActiveTask>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] fields = line.Split('|');
            if (fields.Length == 3
                && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out long arrayJobId)
                && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out int taskIndex))
                tasks.Add(new ActiveTask(arrayJobId, taskIndex, fields[2]));
        }
        return tasks;
    }

    /// <summary>Cancels the given array jobs (every task of each); a job that has already ended is no error.</summary>
    public static void Cancel(IEnumerable<long> arrayJobIds)
    {
        string[] ids = arrayJobIds.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToArray();
        if (ids.Length > 0) Run("scancel", ids, workingDirectory: null);
    }

    private static (int ExitCode, string Output, string Error) Run(string program, IEnumerable<string> arguments, string? workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"{program} could not be run ({exception.Message}): run on a machine with the Slurm client commands on PATH (a login node), or start a local cluster with tools/slurm/start-cluster.sh.", exception);
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.GetAwaiter().GetResult());
        }
    }
}
