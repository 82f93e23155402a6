using System.IO;
using System.Linq;
using Xunit;

namespace Parsec.Trials.Tests;

public sealed class TrialResultTests
{
    private static readonly TrialResult Sample = new("cell-7", 0.9125, [2.5, 1.25, 0.5], 92950, 61.5, "/shared/cell-7.weights");

    [Fact]
    public void A_written_result_reads_back_equal_and_leaves_no_temporary_file()
    {
        using var scratch = new ScratchDirectory();
        string path = scratch.Combine("cell-7.json");

        Sample.Write(path);

        Assert.Equal(Sample, TrialResult.Read(path, "cell-7"));
        Assert.Equal(["cell-7.json"], Directory.GetFiles(scratch.Path).Select(Path.GetFileName));
        Assert.Contains("\"weightsPath\": \"/shared/cell-7.weights\"", File.ReadAllText(path));
    }

    [Fact]
    public void Writing_over_an_earlier_result_replaces_it()
    {
        using var scratch = new ScratchDirectory();
        string path = scratch.Combine("cell-7.json");
        (Sample with { Accuracy = 0.1 }).Write(path);

        Sample.Write(path);

        Assert.Equal(0.9125, TrialResult.Read(path, "cell-7").Accuracy);
    }

    [Theory]
    [InlineData("{\"trial\":\"cell-7\",\"losses\":[1.0],\"parameters\":10,\"seconds\":1.0,\"weightsPath\":null}", "missing required properties including: 'accuracy'")]
    [InlineData("{\"trial\":\"cell-7\",\"accuracy\":0.5,\"parameters\":10,\"seconds\":1.0,\"weightsPath\":null}", "missing required properties including: 'losses'")]
    [InlineData("{\"trial\":\"cell-7\",\"accuracy\":\"NaN\",\"losses\":[],\"parameters\":10,\"seconds\":1.0,\"weightsPath\":null}", "its accuracy is NaN, not a finite number")]
    [InlineData("{\"trial\":\"cell-7\",\"accuracy\":0.5,\"losses\":[1.0,\"Infinity\"],\"parameters\":10,\"seconds\":1.0,\"weightsPath\":null}", "its loss at index 1 is Infinity, not a finite number")]
    [InlineData("{\"trial\":\"cell-7\",\"accuracy\":0.5,\"losses\":[],\"parameters\":-1,\"seconds\":1.0,\"weightsPath\":null}", "its parameter count is -1, below zero")]
    [InlineData("{\"trial\":\"cell-8\",\"accuracy\":0.5,\"losses\":[],\"parameters\":10,\"seconds\":1.0,\"weightsPath\":null}", "it belongs to trial 'cell-8', not to 'cell-7'")]
    [InlineData("{\"trial\":null,\"accuracy\":0.5,\"losses\":[],\"parameters\":10,\"seconds\":1.0,\"weightsPath\":null}", "is not a trial result's JSON")]
    [InlineData("0.93", "is not a trial result's JSON")]
    [InlineData("{\"trial\":\"cell-7\",\"accuracy\":0.5", "is not a trial result's JSON")]
    public void A_result_that_is_incomplete_not_finite_or_another_trials_is_invalid_data_naming_the_file(string json, string expected)
    {
        using var scratch = new ScratchDirectory();
        string path = scratch.Combine("cell-7.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<InvalidDataException>(() => TrialResult.Read(path, "cell-7"));

        Assert.Contains($"The trial result '{path}' is not valid", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_missing_result_is_a_missing_file()
    {
        using var scratch = new ScratchDirectory();

        Assert.Throws<FileNotFoundException>(() => TrialResult.Read(scratch.Combine("none.json"), "none"));
    }
}
