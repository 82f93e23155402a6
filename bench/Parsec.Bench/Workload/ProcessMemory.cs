using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Parsec.Bench.Workload;

/// <summary>This process's resident memory from <c>/proc/self/status</c> (Linux), in MiB.</summary>
public static class ProcessMemory
{
    /// <summary>VmRSS: resident now.</summary>
    public static double ResidentMegabytes() => Read("VmRSS");

    /// <summary>VmHWM: the peak resident set since start, or since the last <see cref="TryResetPeak"/>.</summary>
    public static double PeakMegabytes() => Read("VmHWM");

    /// <summary>
    /// Lowers VmHWM to the current RSS (writing 5 to <c>/proc/self/clear_refs</c>, Linux 4.0+), so that a later
    /// peak belongs to what ran after; false when the kernel refuses.
    /// </summary>
    public static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static double Read(string field)
    {
        // The line reads e.g. "VmHWM:    123456 kB".
        string line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"/proc/self/status has no {field} line.");
        string kilobytes = line[(field.Length + 1)..].Trim().Split(' ')[0];
        return long.Parse(kilobytes, CultureInfo.InvariantCulture) / 1024.0;
    }
}
