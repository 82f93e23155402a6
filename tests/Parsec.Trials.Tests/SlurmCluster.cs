using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;

namespace Parsec.Trials.Tests;

/// <summary>
/// A real single-node Slurm cluster on this machine, started by tools/slurm/start-cluster.sh (which installs Slurm
/// and munge when missing) and stopped by tools/slurm/stop-cluster.sh. When it cannot start, every test that uses it
/// fails with the script's output.
/// </summary>
public sealed class SlurmCluster : IDisposable
{
    public SlurmCluster()
    {
        var (exitCode, output) = RunScript("start-cluster.sh");
        if (exitCode != 0)
            throw new InvalidOperationException($"tools/slurm/start-cluster.sh failed with exit code {exitCode}, so the Slurm tests cannot run:\n{output}");
        string? configuration = output.Split('\n').Select(line => line.Trim()).LastOrDefault(line => line.StartsWith("export SLURM_CONF=", StringComparison.Ordinal));
        if (configuration is null)
            throw new InvalidOperationException($"tools/slurm/start-cluster.sh did not print 'export SLURM_CONF=...':\n{output}");
        // The executors' sbatch, squeue and scancel, and the tests' own, inherit it.
        Environment.SetEnvironmentVariable("SLURM_CONF", configuration["export SLURM_CONF=".Length..]);
    }

    public void Dispose() => RunScript("stop-cluster.sh");

    /// <summary>Runs a Slurm client command and returns its standard output; throws with its error output when it fails.</summary>
    public static string Command(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {error.Result}");
        return output;
    }

    /// <summary>Runs one of the scripts in tools/slurm with extra environment variables; returns its exit code and output.</summary>
    internal static (int ExitCode, string Output) RunScript(string name, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "tools", "slurm", name));
        foreach (var (variable, value) in environment) start.Environment[variable] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    private static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}

/// <summary>The tests that share the cluster; they run one after another.</summary>
[CollectionDefinition(nameof(SlurmCluster), DisableParallelization = true)]
public sealed class SlurmClusterCollection : ICollectionFixture<SlurmCluster>
{
}
