using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Parsec.Trials.Tests;

/// <summary>Trials of tests/Parsec.Trials.TestTrial, and the results it writes for them.</summary>
public static class TestTrialProgram
{
    /// <summary>The test trial's assembly, copied beside the tests by the project reference.</summary>
    public static string AssemblyPath { get; } = Path.Combine(AppContext.BaseDirectory, "Parsec.Trials.TestTrial.dll");

    /// <summary>The dotnet host: the one that runs these tests, so that the trial runs on the same runtime.</summary>
    public static string DotnetHost { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";

    /// <summary>A trial of the test program with its options (see the program's header).</summary>
    public static TrialSpec Spec(string id, params string[] options) => new(id, DotnetHost, [AssemblyPath, .. options]);

    /// <summary>Four trials that each sleep <paramref name="seconds"/> and record their starts in <paramref name="startsDirectory"/>.</summary>
    public static IReadOnlyList<TrialSpec> Four(string startsDirectory, double seconds = 0.3) =>
        Enumerable.Range(1, 4).Select(i => Spec($"trial-{i}", "--sleep", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "--starts", startsDirectory)).ToList();

    /// <summary>The accuracy the program writes for a trial, computed here as the program does.</summary>
    public static double ExpectedAccuracy(string id)
    {
        int code = id.Aggregate(17, (hash, character) => unchecked(hash * 31 + character));
        return 0.5 + (Math.Abs(code) % 400) / 1000.0;
    }

    /// <summary>The parameter count the program writes for a trial.</summary>
    public static long ExpectedParameters(string id)
    {
        int code = id.Aggregate(17, (hash, character) => unchecked(hash * 31 + character));
        return 1000 + Math.Abs(code) % 5000;
    }

    /// <summary>How many times each trial started, from a starts directory.</summary>
    public static IReadOnlyDictionary<string, int> Starts(string startsDirectory) =>
        StartedProcesses(startsDirectory).GroupBy(start => start.Id).ToDictionary(group => group.Key, group => group.Count());

    /// <summary>Every start recorded in a starts directory: the trial and its process id.</summary>
    public static IReadOnlyList<(string Id, int ProcessId)> StartedProcesses(string startsDirectory) =>
        Directory.Exists(startsDirectory)
            ? Directory.GetFiles(startsDirectory).Select(path => Path.GetFileName(path).Split('~')).Select(parts => (parts[0], int.Parse(parts[1]))).ToList()
            : [];
}
