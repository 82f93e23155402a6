using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Parsec.Trials;

/// <summary>
/// The file <c>running/&lt;id&gt;.pid</c> that names a local trial's live process (its id and start time, which
/// tells it from a later process with the same id), so that a driver restarted after being killed waits for the
/// trial its predecessor started instead of starting it twice.
/// </summary>
internal sealed class LocalTrialLease
{
    public const string Subdirectory = "running";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly string path;

    public LocalTrialLease(TrialsDirectory directory, string id) => path = Path.Combine(directory.Root, Subdirectory, id + ".pid");

    /// <summary>Records <paramref name="process"/> as the trial's running process, unless it has already ended.</summary>
    public void Take(Process process)
    {
        long startTicks;
        try
        {
            startTicks = process.StartTime.ToUniversalTime().Ticks;
        }
        catch (Exception exception) when (exception is InvalidOperationException or Win32Exception)
        {
            return;   // it exited and was reaped before its start time could be read: there is nothing left to wait for
        }
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, $"{process.Id} {startTicks.ToString(CultureInfo.InvariantCulture)}");
        File.Move(temporary, path, overwrite: true);
    }

    public void Release() => File.Delete(path);

    /// <summary>
    /// Waits while the process named by the lease still runs (a trial left by an earlier driver), then removes the
    /// lease; on cancellation kills that process, as the driver would kill its own child.
    /// </summary>
    public async Task WaitForEarlierRunAsync(CancellationToken cancellationToken)
    {
        for (var process = LiveProcess(); process is not null; process = LiveProcess())
        {
            using (process)
            {
                try
                {
                    await Task.Delay(PollInterval, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    throw;
                }
            }
        }
        Release();
    }

    private Process? LiveProcess()
    {
        string[] fields;
        try
        {
            fields = File.ReadAllText(path).Split(' ');
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        if (fields.Length != 2
            || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out int id)
            || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out long startTicks))
            return null;
        try
        {
            var process = Process.GetProcessById(id);
            // Start times read back from the system are rounded, so a second's difference is still the same process.
            if (!process.HasExited && !IsZombie(id) && Math.Abs(process.StartTime.ToUniversalTime().Ticks - startTicks) < TimeSpan.TicksPerSecond) return process;
            process.Dispose();
            return null;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or Win32Exception)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether the process has exited but was never reaped: an orphan's parent may be a container's first process
    /// that does not reap, and such a zombie still counts as existing.
    /// </summary>
    private static bool IsZombie(int id)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{id}/stat");
            int afterName = stat.LastIndexOf(')');
            return afterName > 0 && afterName + 2 < stat.Length && stat[afterName + 2] == 'Z';
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
