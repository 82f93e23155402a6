using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Parsec.Trials.Tests;

[Collection(nameof(SlurmCluster))]
public sealed class SlurmTrialExecutorTests(SlurmCluster cluster) : ExecutorContractTests
{
    private readonly SlurmCluster cluster = cluster;

    protected override ITrialExecutor Executor(string resultsDirectory, int retries = 0) => Slurm(resultsDirectory, retries);

    private static SlurmTrialExecutor Slurm(string resultsDirectory, int retries = 0) =>
        new(new SlurmTrialOptions
        {
            ResultsDirectory = resultsDirectory,
            Retries = retries,
            PollInterval = TimeSpan.FromSeconds(0.2),
            ResultWait = TimeSpan.FromSeconds(0.5),
        });

    [Fact]
    public void Four_trials_give_the_same_results_as_on_the_local_pool()
    {
        Assert.NotNull(cluster);
        using var scratch = new ScratchDirectory();
        var trials = TestTrialProgram.Four(scratch.Combine("starts"));

        var onSlurm = Slurm(scratch.Combine("slurm")).Run(trials, null, CancellationToken.None);
        var onPool = new LocalTrialPool(new LocalTrialPoolOptions { ResultsDirectory = scratch.Combine("local") }).Run(trials, null, CancellationToken.None);

        // Seconds are the one field that measures the machine rather than the trial.
        Assert.Equal(onPool.Select(outcome => outcome.Result! with { Seconds = 0 }), onSlurm.Select(outcome => outcome.Result! with { Seconds = 0 }));
        Assert.All(onSlurm, outcome => Assert.Equal(1, outcome.Attempts));
    }

    [Fact]
    public async Task A_job_cancelled_mid_run_with_scancel_is_submitted_again_and_completes()
    {
        using var scratch = new ScratchDirectory();
        string startsDirectory = scratch.Combine("starts");
        var executor = Slurm(scratch.Combine("results"), retries: 1);
        var trials = TestTrialProgram.Four(startsDirectory, seconds: 3).Take(2).ToList();
        var run = Task.Run(() => executor.Run(trials, null, CancellationToken.None));
        LocalTrialPoolTests.WaitUntil(() => TestTrialProgram.Starts(startsDirectory).ContainsKey("trial-1"));
        string task = SlurmCluster.Command("squeue", "--me", "--array", "--noheader", $"--name={executor.JobName}", "--format=%i|%K")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(line => line.EndsWith("|0")).Split('|')[0];

        SlurmCluster.Command("scancel", task);
        var outcomes = await run;

        Assert.Equal([2, 1], outcomes.Select(outcome => outcome.Attempts));
        Assert.All(outcomes, outcome => Assert.Equal(TestTrialProgram.ExpectedAccuracy(outcome.Trial.Id), outcome.Result!.Accuracy));
        Assert.Equal(2, TestTrialProgram.Starts(startsDirectory)["trial-1"]);
        Assert.Equal(1, TestTrialProgram.Starts(startsDirectory)["trial-2"]);
    }

    [Fact]
    public void A_driver_killed_and_restarted_submits_no_duplicates_and_collects_every_result()
    {
        using var scratch = new ScratchDirectory();
        string results = scratch.Combine("results"), startsDirectory = scratch.Combine("starts");
        var driver = LocalTrialPoolTests.StartDriver("slurm", results, startsDirectory, count: 4, seconds: 3);
        LocalTrialPoolTests.WaitUntil(() => TestTrialProgram.Starts(startsDirectory).Count >= 1);
        driver.Kill(entireProcessTree: true);
        driver.WaitForExit();

        var outcomes = Slurm(results).Run(TestTrialProgram.Four(startsDirectory, seconds: 3), null, CancellationToken.None);

        Assert.All(outcomes, outcome => Assert.Equal(TestTrialProgram.ExpectedAccuracy(outcome.Trial.Id), outcome.Result!.Accuracy));
        Assert.All(outcomes, outcome => Assert.Equal(0, outcome.Attempts));   // all four came from the first driver's job
        var starts = TestTrialProgram.Starts(startsDirectory);
        Assert.Equal(4, starts.Count);
        Assert.All(starts.Values, count => Assert.Equal(1, count));
        Assert.Single(System.IO.Directory.GetFiles(System.IO.Path.Combine(results, "slurm"), "*.sh"));
    }

    [Fact]
    public async Task Cancelling_the_run_cancels_its_jobs_and_throws()
    {
        using var scratch = new ScratchDirectory();
        string startsDirectory = scratch.Combine("starts");
        var executor = Slurm(scratch.Combine("results"));
        using var cancellation = new CancellationTokenSource();
        var run = Task.Run(() => executor.Run(TestTrialProgram.Four(startsDirectory, seconds: 600), null, cancellation.Token));
        LocalTrialPoolTests.WaitUntil(() => TestTrialProgram.Starts(startsDirectory).Count == 2);

        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        LocalTrialPoolTests.WaitUntil(() => SlurmCluster.Command("squeue", "--me", "--noheader", $"--name={executor.JobName}").Trim().Length == 0);
        Assert.Equal(2, TestTrialProgram.Starts(startsDirectory).Count);
        Assert.Empty(System.IO.Directory.EnumerateFiles(scratch.Combine("results"), "*.json"));
    }
}
