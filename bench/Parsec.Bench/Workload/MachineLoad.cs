using System;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;

namespace Parsec.Bench.Workload;

/// <summary>What else the machine was doing, recorded beside figures measured on shared cores.</summary>
public static class MachineLoad
{
    /// <summary>
    /// Adds <c>loadavg_{moment}</c> (the 1-minute load average) and <c>omp_wait_policy</c>, the OpenMP wait policy
    /// the process started with: libgomp's default spins while it waits, which on oversubscribed cores inflates step
    /// times many-fold; PASSIVE does not.
    /// </summary>
    public static void Record(JsonObject figures, string moment)
    {
        figures[$"loadavg_{moment}"] = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        figures["omp_wait_policy"] = Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") ?? "default";
    }
}
