using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Parsec.Samples.FashionMnist;
using Parsec.Trials;
using Xunit;

namespace Parsec.Samples.Tests;

/// <summary>The DARTS sample's random and most probable cells as trials: what stops them before anything runs, and a trial that fails.</summary>
public sealed class ArchitectureTrialsTests
{
    private static readonly ExportedModel Model = new("Cell.cs", "namespace N; public sealed class Cell { }", "N.Cell");

    [Fact]
    public void A_trial_that_fails_every_attempt_is_an_error_naming_its_cell_and_logs()
    {
        string output = Directory.CreateTempSubdirectory("parsec-random-trials-").FullName;
        var options = new SampleOptions { Budget = Budget.Smoke, Output = output, Executor = new TrialExecutorSettings { Workers = 2 } };

        var error = Assert.Throws<TrialsFailedException>(() => ArchitectureTrials.Retrain(ArchitectureTrials.Random, "random architecture", [Model, Model with { Source = Model.Source + " " }], options,
            (id, arguments) => new TrialSpec(id, "/bin/false", arguments), CancellationToken.None));

        Assert.StartsWith("2 of 2 random architectures could not be retrained: random architecture 1 (", error.Message);
        Assert.Contains("random architecture 2 (", error.Message);
        Assert.Contains(Path.Combine(output, ArchitectureTrials.TrialsFolder(ArchitectureTrials.Random), "logs"), error.Message);
        Assert.Equal(Model.Source, File.ReadAllText(Path.Combine(output, "random", "random-1.cs")));
    }

    [Fact]
    public void A_budget_other_than_its_named_preset_is_refused_since_a_trial_is_told_only_the_name()
    {
        var options = new SampleOptions { Budget = Budget.Smoke with { RetrainEpochs = 2 }, Output = Directory.CreateTempSubdirectory("parsec-random-trials-").FullName };

        var error = Assert.Throws<ArgumentException>(() => ArchitectureTrials.Retrain(ArchitectureTrials.Top, "most probable architecture", [Model], options, null, CancellationToken.None));

        Assert.Contains("budget 'smoke' differs from the preset of that name", error.Message);
    }

    [Fact]
    public void The_trial_command_without_its_source_is_a_message_and_exit_code_2()
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "FashionMnist")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "retrain-trial", "--type", "N.Cell", "--trial-id", "t", "--result", Path.Combine(Path.GetTempPath(), "t.json") })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        // Read standard output too, so the child never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(2, process.ExitCode);
        Assert.StartsWith("retrain-trial needs --source.", error);
    }
}
