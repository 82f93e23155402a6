using System;
using System.Diagnostics;
using System.IO;

namespace Parsec.Samples.Tests;

/// <summary>Runs the NAS-Bench-201 Fashion-MNIST sample's program, which the build copies beside the tests, as a process.</summary>
internal static class NasBench201SampleProcess
{
    public static readonly string Program = Path.Combine(AppContext.BaseDirectory, "NasBench201.FashionMnist");

    /// <summary>Runs the program with <paramref name="arguments"/> to its end; returns its exit code and what it wrote.</summary>
    public static (int Code, string Output, string Error) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }
}
