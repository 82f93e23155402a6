using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace Parsec.Trials.Tests;

/// <summary>The generated batch script and the options that go into it; no cluster needed.</summary>
public sealed class SlurmBatchScriptTests
{
    private const string Hostile = "it's \"quoted\" $(touch pwned-1) `touch pwned-2`; touch pwned-3 | tee pwned-4 & $HOME\n#SBATCH --wrap=x";

    [Fact]
    public void The_script_asks_for_what_the_options_say_and_maps_each_array_task_to_its_trial()
    {
        var executor = new SlurmTrialExecutor(new SlurmTrialOptions
        {
            ResultsDirectory = "/shared/results",
            Partition = "gpu",
            Account = "nas-lab",
            TimeLimit = TimeSpan.FromHours(26.5),
            CpusPerTrial = 4,
            GpusPerTrial = 1,
            MemoryPerTrialMegabytes = 16000,
            MaxConcurrentTrials = 8,
            ExtraDirectives = ["#SBATCH --qos=long", "#SBATCH --constraint=a100"],
        });

        string script = executor.RenderBatchScript([new TrialSpec("cell-1", "/opt/train", ["--epochs", "2"]), new TrialSpec("cell-2", "/opt/train", [])]);

        string[] directives = script.Split('\n').Where(line => line.StartsWith("#SBATCH", StringComparison.Ordinal)).ToArray();
        Assert.Equal(
            [$"#SBATCH --job-name={executor.JobName}", "#SBATCH --array=0-1%8", "#SBATCH --ntasks=1", "#SBATCH --cpus-per-task=4",
             "#SBATCH --partition=gpu", "#SBATCH --account=nas-lab", "#SBATCH --time=1-02:30:00", "#SBATCH --mem=16000M",
             "#SBATCH --gres=gpu:1", "#SBATCH --qos=long", "#SBATCH --constraint=a100"],
            directives);
        Assert.Contains("  0) trial='cell-1'; set -- '/opt/train' '--epochs' '2' '--trial-id' 'cell-1' '--result' '/shared/results/cell-1.json' ;;\n", script);
        Assert.Contains("  1) trial='cell-2'; set -- '/opt/train' '--trial-id' 'cell-2' '--result' '/shared/results/cell-2.json' ;;\n", script);
        Assert.Contains("export OMP_NUM_THREADS=4 MKL_NUM_THREADS=4\n", script);
        Assert.Matches("^parsec-trials-[0-9a-f]{12}$", executor.JobName);
    }

    [Fact]
    public void The_job_name_follows_the_results_directory()
    {
        string Name(string directory) => new SlurmTrialExecutor(new SlurmTrialOptions { ResultsDirectory = directory }).JobName;

        Assert.Equal(Name("/shared/a"), Name("/shared/b/../a"));
        Assert.NotEqual(Name("/shared/a"), Name("/shared/b"));
    }

    [Fact]
    public void Hostile_paths_and_arguments_in_the_script_reach_the_trial_verbatim_and_run_nothing()
    {
        using var scratch = new ScratchDirectory();
        string results = scratch.Combine("results " + Hostile);
        string startsDirectory = scratch.Combine("starts " + Hostile);
        Directory.CreateDirectory(Path.Combine(results, "logs"));
        var trial = TestTrialProgram.Spec("hostile", "--note", Hostile, "--starts", startsDirectory);
        string script = new SlurmTrialExecutor(new SlurmTrialOptions { ResultsDirectory = results }).RenderBatchScript([trial]);
        Assert.Equal(4, script.Split('\n').Count(line => line.StartsWith("#SBATCH", StringComparison.Ordinal)));

        // Run as Slurm would run array task 0, in a directory where a stray command would leave its files.
        var bash = new ProcessStartInfo("/bin/bash") { WorkingDirectory = scratch.Path, RedirectStandardError = true };
        bash.ArgumentList.Add("-c");
        bash.ArgumentList.Add(script);
        bash.Environment["SLURM_ARRAY_TASK_ID"] = "0";
        using (var process = Process.Start(bash)!)
        {
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, error);
        }

        Assert.Equal(TestTrialProgram.ExpectedAccuracy("hostile"), TrialResult.Read(Path.Combine(results, "hostile.json"), "hostile").Accuracy);
        string output = File.ReadAllText(Path.Combine(results, "logs", "hostile.out"));
        Assert.Contains($"arguments: {JsonSerializer.Serialize(new[] { "--note", Hostile, "--starts", startsDirectory })}", output);
        string[] searched = [scratch.Path, results, Directory.GetCurrentDirectory()];
        Assert.Empty(searched.SelectMany(directory => Directory.EnumerateFileSystemEntries(directory, "pwned-*")));
    }

    [Fact]
    public void An_array_task_without_a_trial_fails_without_running_anything()
    {
        using var scratch = new ScratchDirectory();
        string script = new SlurmTrialExecutor(new SlurmTrialOptions { ResultsDirectory = scratch.Path }).RenderBatchScript([TestTrialProgram.Spec("only")]);
        var bash = new ProcessStartInfo("/bin/bash") { RedirectStandardError = true };
        bash.ArgumentList.Add("-c");
        bash.ArgumentList.Add(script);
        bash.Environment["SLURM_ARRAY_TASK_ID"] = "1";

        using var process = Process.Start(bash)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("array task '1' has no trial in this script", error);
        Assert.False(File.Exists(Path.Combine(scratch.Path, "only.json")));
    }

    [Theory]
    [InlineData("#SBATCH --qos=$(reboot)")]
    [InlineData("#SBATCH --qos=long; rm -rf /")]
    [InlineData("#SBATCH --qos=long\nrm -rf /")]
    [InlineData("#SBATCH --comment='x'")]
    [InlineData("#SBATCH --comment=a b")]
    [InlineData("#SBATCH -p gpu")]
    [InlineData("--qos=long")]
    [InlineData("echo hello")]
    [InlineData("#SBATCH --qos=`id`")]
    public void An_extra_line_that_is_not_a_plain_sbatch_option_is_refused(string line)
    {
        var options = new SlurmTrialOptions { ResultsDirectory = "/shared", ExtraDirectives = [line] };

        var error = Assert.Throws<ArgumentException>(() => new SlurmTrialExecutor(options));

        Assert.Contains("is not accepted: write '#SBATCH --option' or '#SBATCH --option=value'", error.Message);
    }

    [Theory]
    [InlineData("array")]
    [InlineData("job-name")]
    [InlineData("chdir")]
    [InlineData("wrap")]
    public void An_extra_line_that_sets_an_option_the_executor_tracks_its_jobs_by_is_refused(string option)
    {
        var options = new SlurmTrialOptions { ResultsDirectory = "/shared", ExtraDirectives = [$"#SBATCH --{option}=x"] };

        var error = Assert.Throws<ArgumentException>(() => new SlurmTrialExecutor(options));

        Assert.Contains($"sets --{option}, which the executor sets itself", error.Message);
    }

    [Theory]
    [InlineData("gpu;id", null)]
    [InlineData("gpu part", null)]
    [InlineData(null, "$(id)")]
    [InlineData(null, "lab\n")]
    [InlineData(null, "-lab")]
    public void A_partition_or_account_outside_plain_names_is_refused(string? partition, string? account)
    {
        var options = new SlurmTrialOptions { ResultsDirectory = "/shared", Partition = partition, Account = account };

        var error = Assert.Throws<ArgumentException>(() => new SlurmTrialExecutor(options));

        Assert.Contains("is not a Slurm name this executor accepts", error.Message);
    }

    [Theory]
    [InlineData(nameof(SlurmTrialOptions.CpusPerTrial), "CpusPerTrial is 0: use 1 or more.")]
    [InlineData(nameof(SlurmTrialOptions.GpusPerTrial), "GpusPerTrial is -1: use 0 or more.")]
    [InlineData(nameof(SlurmTrialOptions.MemoryPerTrialMegabytes), "MemoryPerTrialMegabytes is 0: use 1 or more")]
    [InlineData(nameof(SlurmTrialOptions.TimeLimit), "TimeLimit is 00:00:00: use at least one second")]
    [InlineData(nameof(SlurmTrialOptions.Retries), "Retries is -1: use 0 or more.")]
    public void A_resource_out_of_range_is_refused_with_what_to_change(string option, string expected)
    {
        var valid = new SlurmTrialOptions { ResultsDirectory = "/shared" };
        var options = option switch
        {
            nameof(SlurmTrialOptions.CpusPerTrial) => valid with { CpusPerTrial = 0 },
            nameof(SlurmTrialOptions.GpusPerTrial) => valid with { GpusPerTrial = -1 },
            nameof(SlurmTrialOptions.MemoryPerTrialMegabytes) => valid with { MemoryPerTrialMegabytes = 0 },
            nameof(SlurmTrialOptions.TimeLimit) => valid with { TimeLimit = TimeSpan.Zero },
            _ => valid with { Retries = -1 },
        };

        var error = Assert.Throws<ArgumentException>(() => new SlurmTrialExecutor(options));

        Assert.StartsWith(expected, error.Message);
    }
}
