using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Parsec.Bench.Workload;

/// <summary>
/// The benchmarks' correctness check: the networks' parameter counts against the workload document's (81,658 for
/// <c>single</c>, 328,762 for the supernet of <c>parsec</c> and <c>darts</c>, both at C = 16).
/// </summary>
public static class ParameterCheck
{
    /// <summary>
    /// Adds <c>{mode}_parameters</c> for each distinct mode to <paramref name="figures"/>, and at C = 16 also
    /// <c>parameters_match_spec</c>; prints any mismatch. Returns false only on a mismatch.
    /// </summary>
    public static bool Report(IEnumerable<WorkloadTrainer> trainers, int channels, JsonObject figures)
    {
        bool match = true;
        foreach (var trainer in trainers.GroupBy(t => t.Mode).Select(group => group.First()))
        {
            long counted = trainer.ParameterCount, specified = WorkloadModes.SpecifiedParameters(trainer.Mode);
            figures[$"{trainer.Mode.Key()}_parameters"] = counted;
            Console.WriteLine($"{trainer.Mode.Key()}: {counted:N0} parameters" + (channels == 16 ? $" (workload: {specified:N0})" : ""));
            if (channels == 16 && counted != specified)
            {
                Console.Error.WriteLine($"{trainer.Mode.Key()} has {counted:N0} parameters but the workload specifies {specified:N0}.");
                match = false;
            }
        }
        if (channels == 16) figures["parameters_match_spec"] = match;
        return match;
    }
}
