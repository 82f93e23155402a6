using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using Parsec.Samples.NasBench201;
using Parsec.Samples.NasBench201.FashionMnist;
using Parsec.Trials;
using Xunit;

namespace Parsec.Samples.Tests;

/// <summary>The sample's blackbox command end to end, as a process, on generated images with the smoke recipe.</summary>
public sealed class BlackBoxCommandTests
{
    [Fact]
    public void A_search_trains_its_cells_as_trials_and_a_second_run_trains_none_again()
    {
        string data = IdxFiles.FashionMnistFolder(600);
        string folder = Directory.CreateTempSubdirectory("parsec-blackbox-").FullName;
        string trials = Path.Combine(folder, "trials");
        string[] arguments = ["blackbox", "--strategy", "random", "--queries", "3", "--batch", "3", "--seed", "5", "--workers", "2",
            "--trials", trials, "--out", folder, "--recipe", "smoke", "--data", data];

        var (code, error) = Run(arguments);
        Assert.True(code == 0, error);
        var first = Read(Path.Combine(folder, "blackbox-random-s5.json"));

        Assert.Equal(3, first.Length);
        Assert.All(first, query => Assert.Equal("Trained", query.Source));
        foreach (var query in first)
        {
            string id = new TableEntry(NasBench201Architecture.Parse(query.Cell), CellTrialScorer.TrainingSeed).TrialId;
            Assert.Equal(100 * TrialResult.Read(Path.Combine(trials, id + ".json"), id).Accuracy, query.Accuracy);
        }
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "blackbox-random-s5.json"))))
            Assert.Equal(first.Max(query => query.Accuracy), json.RootElement.GetProperty("bestQueriedAccuracy").GetDouble());

        Assert.Equal(0, Run(arguments).Code);
        var second = Read(Path.Combine(folder, "blackbox-random-s5.json"));
        Assert.Equal(first.Select(query => (query.Cell, query.Accuracy)), second.Select(query => (query.Cell, query.Accuracy)));
        Assert.All(second, query => Assert.Equal("EarlierTrial", query.Source));
    }

    [Fact]
    public void A_cell_whose_training_fails_stops_the_search_with_an_error_naming_it()
    {
        string noData = Directory.CreateTempSubdirectory("parsec-no-data-").FullName;
        string folder = Directory.CreateTempSubdirectory("parsec-blackbox-").FullName;

        var (code, error) = Run(["blackbox", "--strategy", "random", "--queries", "2", "--batch", "2", "--workers", "2",
            "--out", folder, "--recipe", "smoke", "--data", noData]);

        Assert.Equal(1, code);
        Assert.Contains("could not be trained", error);
        Assert.Matches(@"cell \|[a-z_0-9x]+~0\|\+", error);
        Assert.Contains(noData, error);
        Assert.False(File.Exists(Path.Combine(folder, "blackbox-random-s1.json")));
    }

    private sealed record Query(string Cell, double Accuracy, string Source);

    private static Query[] Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("queries").EnumerateArray()
            .Select(query => new Query(query.GetProperty("cell").GetString()!, query.GetProperty("accuracy").GetDouble(), query.GetProperty("source").GetString()!))
            .ToArray();
    }

    private static (int Code, string Error) Run(string[] arguments)
    {
        var (code, output, error) = NasBench201SampleProcess.Run(arguments);
        return (code, $"{error}\n{output}");
    }
}
