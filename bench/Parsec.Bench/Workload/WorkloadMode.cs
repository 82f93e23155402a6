using System;

namespace Parsec.Bench.Workload;

/// <summary>The three kinds of step of the workload.</summary>
public enum WorkloadMode
{
    /// <summary>The fixed sep_conv_5x5 architecture, built alone, trained by plain SGD steps.</summary>
    Single,

    /// <summary>The supernet trained by <see cref="Parsec.Search.ParsecStrategy"/> with K samples a step.</summary>
    Parsec,

    /// <summary>The supernet trained by first-order <see cref="Parsec.Search.DartsStrategy"/>.</summary>
    Darts,
}

/// <summary>What the workload document fixes about each mode.</summary>
public static class WorkloadModes
{
    /// <summary>The parameter count the document gives for the network of <paramref name="mode"/> at C = 16.</summary>
    public static long SpecifiedParameters(WorkloadMode mode) => mode == WorkloadMode.Single ? 81_658 : 328_762;

    /// <summary>The mode's name as the document and the JSON keys spell it.</summary>
    public static string Key(this WorkloadMode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>Reads a mode from its <see cref="Key"/>.</summary>
    public static WorkloadMode Parse(string key) =>
        Enum.TryParse<WorkloadMode>(key, ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            ? mode
            : throw new ArgumentException($"'{key}' is not a workload mode: use single, parsec or darts.");
}
