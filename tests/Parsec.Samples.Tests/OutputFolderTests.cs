using System;
using System.Diagnostics;
using System.IO;
using Parsec.Samples.FashionMnist;
using Xunit;

namespace Parsec.Samples.Tests;

/// <summary>
/// The main command checks --out before any work (a folder it cannot create is exit code 2 naming the path, not a
/// stack trace), and --resume over a folder without a search checkpoint says a new run starts.
/// </summary>
public sealed class OutputFolderTests
{
    [Fact]
    public void A_folder_that_cannot_be_created_is_an_argument_error_naming_its_path()
    {
        string blocked = Path.Combine(BlockingFile(), "artifacts");

        var error = Assert.Throws<ArgumentException>(() => OutputFolder.Prepare(blocked));

        Assert.Contains($"'{blocked}'", error.Message);
        Assert.Contains("Pass --out with a folder you can write", error.Message);
    }

    [Fact]
    public void A_missing_folder_is_created_with_its_parents_and_left_empty()
    {
        string folder = Path.Combine(Directory.CreateTempSubdirectory("parsec-out-").FullName, "a", "b");

        OutputFolder.Prepare(folder);

        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void Resuming_without_a_search_checkpoint_says_a_new_run_starts_in_that_folder()
    {
        string folder = Directory.CreateTempSubdirectory("parsec-out-").FullName;
        var options = new SampleOptions { Output = folder, Resume = true };

        Assert.Equal($"--resume: nothing to resume in {folder} (no search.checkpoint there); starting a new run.", OutputFolder.NothingToResume(options));
        Assert.Null(OutputFolder.NothingToResume(options with { Resume = false }));
        File.WriteAllBytes(Path.Combine(folder, OutputFolder.SearchCheckpoint), Array.Empty<byte>());
        Assert.Null(OutputFolder.NothingToResume(options));
    }

    [Fact]
    public void The_command_refuses_an_out_folder_it_cannot_create_with_exit_code_2()
    {
        string blocked = Path.Combine(BlockingFile(), "artifacts");

        var (exitCode, output) = RunCommand("--budget", "smoke", "--out", blocked);

        Assert.Equal(2, exitCode);
        Assert.Contains(blocked, output);
        Assert.DoesNotContain("Unhandled exception", output);
    }

    [Fact]
    public void The_command_says_when_there_is_nothing_to_resume_before_any_work()
    {
        string folder = Directory.CreateTempSubdirectory("parsec-out-").FullName;
        string noData = Directory.CreateTempSubdirectory("parsec-no-data-").FullName;

        var (exitCode, output) = RunCommand("--budget", "smoke", "--resume", "--out", folder, "--data", noData);

        Assert.Contains("nothing to resume in", output);
        Assert.Contains("starting a new run", output);
        Assert.Equal(1, exitCode);   // then stops at the missing data, before searching
    }

    [Fact]
    public void Help_documents_both()
    {
        Assert.Contains("an error if it cannot be written", SampleOptions.Usage);
        Assert.Contains("no search checkpoint there it says so and starts a new run", SampleOptions.Usage);
    }

    private static string BlockingFile()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("parsec-out-").FullName, "a-file");
        File.WriteAllText(file, "in the way of a folder");
        return file;
    }

    /// <summary>Runs the sample's built program with <paramref name="args"/>; stdout and stderr together, unstyled.</summary>
    private static (int ExitCode, string Output) RunCommand(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(SampleOptions).Assembly.Location);
        foreach (string arg in args) start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "400";   // Spectre wraps at the console's width; one path per line keeps it whole
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "the command did not finish in two minutes");
        return (process.ExitCode, output + error.Result);
    }
}
