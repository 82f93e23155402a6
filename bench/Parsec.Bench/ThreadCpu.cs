using System;
using System.Runtime.InteropServices;

namespace Parsec.Bench;

/// <summary>
/// The CPU time of the calling thread, which a busy machine disturbs far less than wall time: on Linux,
/// <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>; elsewhere null.
/// </summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>Whether <see cref="Milliseconds"/> works here.</summary>
    public static bool Available { get; } = Probe();

    /// <summary>The calling thread's CPU time so far, in milliseconds.</summary>
    public static double Milliseconds()
    {
        if (!Available || ClockGetTime(ClockThreadCpuTimeId, out var time) != 0) return double.NaN;
        return time.Seconds * 1e3 + time.Nanoseconds / 1e6;
    }

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux() || IntPtr.Size != 8) return false;
        try
        {
            return ClockGetTime(ClockThreadCpuTimeId, out _) == 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }
}
