using System;
using System.Diagnostics;

namespace Parsec.Bench.Workload;

/// <summary>One timed call: wall-clock time, and the CPU time of the whole process over the call.</summary>
/// <remarks>
/// CPU time is the steadier figure on cores shared with other work: the wall clock also counts the time this process
/// waited for a core. It also counts any OpenMP spin-waiting, so it is only steady with OMP_WAIT_POLICY=PASSIVE.
/// </remarks>
public readonly record struct StepClock(double WallMs, double CpuMs)
{
    /// <summary>Runs <paramref name="action"/> and measures it.</summary>
    public static StepClock Measure(Action action)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        action();
        watch.Stop();
        process.Refresh();
        return new StepClock(watch.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
    }

    public static StepClock operator +(StepClock left, StepClock right) => new(left.WallMs + right.WallMs, left.CpuMs + right.CpuMs);
}
