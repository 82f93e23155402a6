using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using Parsec.Samples.NasBench201;
using Xunit;

namespace Parsec.Samples.Tests;

/// <summary>The sample's table and compare commands end to end, as processes, on generated images with the smoke recipe.</summary>
public sealed class CompareCommandTests
{
    [Fact]
    public void Compare_searches_trains_the_recommended_cells_and_writes_its_figures_and_plot()
    {
        string data = IdxFiles.FashionMnistFolder(600);
        string folder = Directory.CreateTempSubdirectory("parsec-compare-").FullName;
        string table = Path.Combine(folder, "cells.csv"), output = Path.Combine(folder, "compare");
        string[] common = ["--recipe", "smoke", "--data", data];

        Assert.Equal(0, Run(["table", "--table", table, "--random", "4", "--repeats", "2", "--workers", "2", .. common]));
        Assert.Equal(0, Run(["compare", "--table", table, "--random", "4", "--seeds", "1", "--steps", "2", "--search-images", "128",
            "--candidates", "2", "--workers", "2", "--out", output, .. common]));

        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "metrics.json")));
        var runs = metrics.RootElement.GetProperty("runs").EnumerateArray().ToList();
        // parsec, random and darts at seed 1, and parsec under the budget; each recommended cell now has a row.
        Assert.Equal(new[] { "darts", "parsec", "parsec", "random" }, runs.Select(run => run.GetProperty("strategy").GetString()!).Order().ToArray());
        var rows = NasBench201Table.Load(table, requireFullSpace: false);
        Assert.All(runs, run => Assert.True(rows.TryGet(NasBench201Architecture.Parse(run.GetProperty("cell").GetString()!), out _)));
        Assert.Equal(2, metrics.RootElement.GetProperty("noisePairs").GetInt32());
        Assert.Equal(4, metrics.RootElement.GetProperty("randomCells").GetProperty("n").GetInt32());
        long budget = metrics.RootElement.GetProperty("budgetParameters").GetInt64();
        Assert.All(runs.Where(run => run.GetProperty("budgeted").GetBoolean()), run => Assert.InRange(run.GetProperty("parameters").GetInt64(), 0, budget));
        Assert.True(new FileInfo(Path.Combine(output, "plots", "pareto.png")).Length > 10_000);
        Assert.Contains("| parsec (budget) | 1 |", File.ReadAllText(Path.Combine(output, "comparison.md")));
    }

    [Fact]
    public void The_table_command_prints_the_slurm_script_it_would_submit_without_submitting()
    {
        string folder = Directory.CreateTempSubdirectory("parsec-script-").FullName;
        var (code, script, _) = NasBench201SampleProcess.Run("table", "--table", Path.Combine(folder, "it's cells.csv"), "--random", "2",
            "--executor", "slurm", "--partition", "debug", "--sbatch", "#SBATCH --qos=long", "--print-script");

        Assert.Equal(0, code);
        Assert.StartsWith("#!", script);
        Assert.Contains("#SBATCH --partition=debug", script);
        Assert.Contains("#SBATCH --qos=long", script);
        Assert.Contains("train-cell", script);
        // The quote in the folder's name is escaped, not a way out of the string.
        Assert.Contains(@"it'\''s cells.csv.trials", script);
        Assert.False(File.Exists(Path.Combine(folder, "it's cells.csv")));
    }

    [Fact]
    public void A_mistake_on_the_command_line_is_a_message_and_exit_code_2()
    {
        var (code, error) = RunCapturing(["compare", "--tabel", "x.csv"]);
        Assert.Equal(2, code);
        Assert.Contains("'--tabel' is not an option of compare", error);
    }

    private static int Run(string[] arguments) => RunCapturing(arguments).Code;

    private static (int Code, string Error) RunCapturing(string[] arguments)
    {
        var (code, output, error) = NasBench201SampleProcess.Run(arguments);
        Assert.True(code is 0 or 2, $"exit code {code}\n{output}\n{error}");
        return (code, error);
    }
}
