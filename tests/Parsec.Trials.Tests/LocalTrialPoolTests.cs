using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Parsec.Trials.Tests;

public sealed class LocalTrialPoolTests : ExecutorContractTests
{
    protected override ITrialExecutor Executor(string resultsDirectory, int retries = 0) =>
        new LocalTrialPool(new LocalTrialPoolOptions { ResultsDirectory = resultsDirectory, Retries = retries, Workers = 2 });

    [Fact]
    public void A_driver_killed_and_restarted_waits_for_the_trials_it_had_started_and_runs_each_trial_once()
    {
        using var scratch = new ScratchDirectory();
        string results = scratch.Combine("results"), startsDirectory = scratch.Combine("starts");
        var driver = StartDriver("local", results, startsDirectory, count: 4, seconds: 3);
        WaitUntil(() => TestTrialProgram.Starts(startsDirectory).Count == 2);
        driver.Kill(entireProcessTree: false);   // as a crash would: its two running trials live on
        driver.WaitForExit();

        var outcomes = Executor(results).Run(TestTrialProgram.Four(startsDirectory, seconds: 3), null, CancellationToken.None);

        Assert.All(outcomes, outcome => Assert.Equal(TestTrialProgram.ExpectedAccuracy(outcome.Trial.Id), outcome.Result!.Accuracy));
        Assert.Equal([0, 0, 1, 1], outcomes.Select(outcome => outcome.Attempts));
        var starts = TestTrialProgram.Starts(startsDirectory);
        Assert.Equal(4, starts.Count);
        Assert.All(starts.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task Cancelling_kills_the_running_trials_and_throws()
    {
        using var scratch = new ScratchDirectory();
        string startsDirectory = scratch.Combine("starts");
        using var cancellation = new CancellationTokenSource();
        var pool = Executor(scratch.Combine("results"));
        var run = Task.Run(() => pool.Run(TestTrialProgram.Four(startsDirectory, seconds: 600), null, cancellation.Token));
        WaitUntil(() => TestTrialProgram.Starts(startsDirectory).Count == 2);

        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var processIds = TestTrialProgram.StartedProcesses(startsDirectory).Select(start => start.ProcessId);
        Assert.All(processIds, id => Assert.Throws<ArgumentException>(() => Process.GetProcessById(id)));
        Assert.Empty(Directory.EnumerateFiles(scratch.Combine("results"), "*.json"));
        Assert.Equal(2, TestTrialProgram.Starts(startsDirectory).Count);
    }

    [Fact]
    public void By_default_one_trial_runs_per_group_of_its_threads_on_this_machines_cores()
    {
        var options = new LocalTrialPoolOptions { ResultsDirectory = "results", ThreadsPerTrial = 2 };

        Assert.Equal(Math.Max(1, Environment.ProcessorCount / 2), options.EffectiveWorkers);
        Assert.Equal(3, (options with { Workers = 3 }).EffectiveWorkers);
    }

    [Theory]
    [InlineData(-1, 1, null, "Retries is -1: use 0 or more.")]
    [InlineData(0, 0, null, "ThreadsPerTrial is 0: use 1 or more.")]
    [InlineData(0, 1, 0, "Workers is 0: use 1 or more")]
    public void Options_out_of_range_are_refused_with_what_to_change(int retries, int threads, int? workers, string expected)
    {
        var options = new LocalTrialPoolOptions { ResultsDirectory = "results", Retries = retries, ThreadsPerTrial = threads, Workers = workers };

        var error = Assert.Throws<ArgumentException>(() => new LocalTrialPool(options));

        Assert.StartsWith(expected, error.Message);
    }

    /// <summary>Starts the test program as a driver (see its TestDriver) in its own process.</summary>
    internal static Process StartDriver(string executor, string results, string startsDirectory, int count, double seconds)
    {
        var start = new ProcessStartInfo(TestTrialProgram.DotnetHost) { RedirectStandardOutput = true };
        foreach (string argument in new[] { TestTrialProgram.AssemblyPath, "drive", executor, results, startsDirectory, count.ToString(), seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails the test after two minutes.</summary>
    internal static void WaitUntil(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("The awaited condition did not hold within two minutes.");
            Thread.Sleep(50);
        }
    }
}
