using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Xunit;

namespace Parsec.Trials.Tests;

/// <summary>What every executor must do, run against each of them by a derived class.</summary>
public abstract class ExecutorContractTests
{
    /// <summary>The executor under test, writing to <paramref name="resultsDirectory"/>.</summary>
    protected abstract ITrialExecutor Executor(string resultsDirectory, int retries = 0);

    [Fact]
    public void Four_trials_complete_with_the_results_their_programs_wrote()
    {
        using var scratch = new ScratchDirectory();
        var trials = TestTrialProgram.Four(scratch.Combine("starts"));
        var reported = new List<string>();

        var outcomes = Executor(scratch.Combine("results")).Run(trials, new SynchronousProgress(outcome => reported.Add(outcome.Trial.Id)), CancellationToken.None);

        Assert.Equal(trials, outcomes.Select(outcome => outcome.Trial));
        foreach (var outcome in outcomes)
        {
            Assert.Null(outcome.Error);
            Assert.Equal(1, outcome.Attempts);
            Assert.Equal(outcome.Trial.Id, outcome.Result!.Trial);
            Assert.Equal(TestTrialProgram.ExpectedAccuracy(outcome.Trial.Id), outcome.Result.Accuracy);
            Assert.Equal(TestTrialProgram.ExpectedParameters(outcome.Trial.Id), outcome.Result.Parameters);
            Assert.Equal([2.0, 1.0, 1.0 - outcome.Result.Accuracy / 2], outcome.Result.Losses);
            Assert.Equal(outcome.Result, TrialResult.Read(Path.Combine(scratch.Combine("results"), outcome.Trial.Id + ".json"), outcome.Trial.Id));
        }
        Assert.Equal(trials.Select(trial => trial.Id).Order(), reported.Order());
        Assert.All(TestTrialProgram.Starts(scratch.Combine("starts")).Values, starts => Assert.Equal(1, starts));
    }

    [Fact]
    public void A_failing_trial_is_reported_with_its_error_output_while_the_others_complete()
    {
        using var scratch = new ScratchDirectory();
        string startsDirectory = scratch.Combine("starts");
        var trials = new[]
        {
            TestTrialProgram.Spec("good-1", "--starts", startsDirectory),
            TestTrialProgram.Spec("bad", "--fail", "--starts", startsDirectory),
            TestTrialProgram.Spec("good-2", "--starts", startsDirectory),
        };

        var outcomes = Executor(scratch.Combine("results"), retries: 1).Run(trials, null, CancellationToken.None);

        Assert.True(outcomes[0].Succeeded);
        Assert.True(outcomes[2].Succeeded);
        var bad = outcomes[1];
        Assert.Null(bad.Result);
        Assert.Equal(2, bad.Attempts);
        Assert.Contains("trial bad: failing on purpose (start 2)", bad.Error);
        Assert.DoesNotContain("(start 1)", bad.Error);   // the tail is the last attempt's
        Assert.Equal(2, TestTrialProgram.Starts(startsDirectory)["bad"]);
        Assert.Equal(1, TestTrialProgram.Starts(startsDirectory)["good-1"]);
    }

    [Fact]
    public void A_program_that_does_not_exist_is_reported_with_the_shells_error()
    {
        using var scratch = new ScratchDirectory();
        string missing = scratch.Combine("no-such-program");

        var outcomes = Executor(scratch.Combine("results")).Run([new TrialSpec("missing", missing, []), TestTrialProgram.Spec("present")], null, CancellationToken.None);

        Assert.Null(outcomes[0].Result);
        Assert.Contains("Trial 'missing' failed after 1 attempt(s)", outcomes[0].Error);
        Assert.Contains(missing, outcomes[0].Error);
        Assert.Contains("127", outcomes[0].Error);
        Assert.True(outcomes[1].Succeeded);
    }

    [Fact]
    public void A_trial_that_fails_once_is_retried_and_its_result_collected()
    {
        using var scratch = new ScratchDirectory();
        string startsDirectory = scratch.Combine("starts");

        var outcome = Executor(scratch.Combine("results"), retries: 2)
            .Run([TestTrialProgram.Spec("flaky", "--fail-starts", "1", "--starts", startsDirectory)], null, CancellationToken.None).Single();

        Assert.Equal(2, outcome.Attempts);
        Assert.Equal(TestTrialProgram.ExpectedAccuracy("flaky"), outcome.Result!.Accuracy);
    }

    [Theory]
    [InlineData("--nan", "accuracy is NaN, not a finite number")]
    [InlineData("--claim", "belongs to trial 'someone-else', not to 'liar'")]
    [InlineData("--garbage", "is not a trial result's JSON")]
    public void A_result_that_is_not_the_trials_own_valid_score_is_an_error(string misbehaviour, string expected)
    {
        using var scratch = new ScratchDirectory();
        string[] options = misbehaviour == "--claim" ? ["--claim", "someone-else"] : [misbehaviour];

        var outcomes = Executor(scratch.Combine("results")).Run(
            [TestTrialProgram.Spec("liar", options), TestTrialProgram.Spec("honest")], null, CancellationToken.None);

        Assert.Null(outcomes[0].Result);
        Assert.Contains(expected, outcomes[0].Error);
        Assert.Contains(Path.Combine(scratch.Combine("results"), "liar.json"), outcomes[0].Error);
        Assert.Equal(TestTrialProgram.ExpectedAccuracy("honest"), outcomes[1].Result!.Accuracy);
    }

    [Fact]
    public void A_results_directory_that_cannot_be_written_is_an_error_before_any_trial_starts()
    {
        using var scratch = new ScratchDirectory();
        // A directory below a regular file cannot be created, even by root, which the tests may run as.
        File.WriteAllText(scratch.Combine("a-file"), "");
        string results = Path.Combine(scratch.Combine("a-file"), "results");
        string startsDirectory = scratch.Combine("starts");

        var error = Assert.Throws<IOException>(() => Executor(results).Run(TestTrialProgram.Four(startsDirectory), null, CancellationToken.None));

        Assert.Contains($"The results directory '{results}' is not writable", error.Message);
        Assert.Contains("Nothing was started", error.Message);
        Assert.False(Directory.Exists(startsDirectory));
    }

    [Fact]
    public void Trials_with_valid_results_are_not_run_again()
    {
        using var scratch = new ScratchDirectory();
        string startsDirectory = scratch.Combine("starts");
        var trials = TestTrialProgram.Four(startsDirectory);
        var executor = Executor(scratch.Combine("results"));
        var first = executor.Run(trials.Take(2).ToList(), null, CancellationToken.None);

        var second = executor.Run(trials, null, CancellationToken.None);

        Assert.Equal([0, 0, 1, 1], second.Select(outcome => outcome.Attempts));
        Assert.Equal(first.Select(outcome => outcome.Result), second.Take(2).Select(outcome => outcome.Result));
        Assert.All(TestTrialProgram.Starts(startsDirectory).Values, starts => Assert.Equal(1, starts));
        Assert.Equal(4, TestTrialProgram.Starts(startsDirectory).Count);
    }

    [Fact]
    public void Paths_and_arguments_with_shell_metacharacters_reach_the_trial_verbatim_and_run_nothing()
    {
        using var scratch = new ScratchDirectory();
        string hostile = "it's \"quoted\" $(touch pwned-1) `touch pwned-2`; touch pwned-3 | tee pwned-4 & $HOME\n#";
        string results = scratch.Combine("results " + hostile.Replace("\n", " "));
        string startsDirectory = Path.Combine(results, "starts " + hostile.Replace("\n", " "));
        Directory.CreateDirectory(results);

        var outcome = Executor(results).Run([TestTrialProgram.Spec("hostile", "--note", hostile, "--starts", startsDirectory)], null, CancellationToken.None).Single();

        Assert.Null(outcome.Error);
        Assert.Equal(TestTrialProgram.ExpectedAccuracy("hostile"), outcome.Result!.Accuracy);
        Assert.Equal(1, TestTrialProgram.Starts(startsDirectory)["hostile"]);
        string output = File.ReadAllText(Path.Combine(results, "logs", "hostile.out"));
        Assert.Contains($"arguments: {JsonSerializer.Serialize(new[] { "--note", hostile, "--starts", startsDirectory })}", output);
        string[] searched = [scratch.Path, results, Directory.GetCurrentDirectory(), Path.GetTempPath()];
        Assert.Empty(searched.SelectMany(directory => Directory.EnumerateFileSystemEntries(directory, "pwned-*")));
    }

    [Fact]
    public void Repeated_trial_ids_are_refused_before_anything_runs()
    {
        using var scratch = new ScratchDirectory();
        var trials = new[] { TestTrialProgram.Spec("same"), TestTrialProgram.Spec("same") };

        var error = Assert.Throws<ArgumentException>(() => Executor(scratch.Combine("results")).Run(trials, null, CancellationToken.None));

        Assert.Contains("'same' appear more than once", error.Message);
        Assert.False(Directory.Exists(scratch.Combine("results")));
    }
}
