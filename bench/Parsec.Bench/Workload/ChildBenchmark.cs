using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Parsec.Bench.Workload;

/// <summary>Runs this benchmark program again in a child process, so that a measurement has a process to itself.</summary>
public static class ChildBenchmark
{
    /// <summary>
    /// Runs the program with <paramref name="arguments"/> (a benchmark's name first), echoes the child's output but its
    /// last line with <paramref name="label"/> in front, and returns its exit code and its last line's JSON. The
    /// JSON is null, with a message on stderr, when there is none or the exit code is above 1 (1 means figures
    /// that failed a check, and still come back).
    /// </summary>
    public static async Task<(int ExitCode, JsonObject? Result)> RunAsync(IEnumerable<string> arguments, string label)
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("The process path is unknown.");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true };
        // Under `dotnet Parsec.Bench.dll` the host is dotnet itself and needs the assembly; the apphost does not.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(typeof(ChildBenchmark).Assembly.Location);
        foreach (string argument in arguments) start.ArgumentList.Add(argument);

        using var child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host}.");
        string output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (string line in lines.SkipLast(1)) Console.WriteLine($"  [{label}] {line}");
        if (lines.Length == 0 || JsonNode.Parse(lines[^1]) is not JsonObject result || child.ExitCode > 1)
        {
            Console.Error.WriteLine($"The {label} child failed with exit code {child.ExitCode}.");
            return (child.ExitCode, null);
        }
        return (child.ExitCode, result);
    }
}
