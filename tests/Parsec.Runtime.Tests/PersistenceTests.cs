using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Parsec.Runtime.Tests.TestCells;
using Parsec.Search;
using Parsec.SearchSpace;
using Xunit;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests;

/// <summary>The distribution's JSON file: round trip, warm start of a larger model, mismatches.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("parsec-distribution-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void RoundTripRestoresEveryLogitExactly()
    {
        var saved = DistributionTests.RandomDistribution(seed: 5);
        string path = Path.Combine(directory, "pi.json");
        saved.Save(path);

        var loaded = new ArchitectureDistribution(ModelSearchSpace.Of(TestModel.Enumerable(4, 2)));
        var result = loaded.Load(path);

        Assert.Empty(result.Skipped);
        Assert.Equal(saved.Choices.Sum(g => g.Length), result.Loaded.Length);
        Assert.Equal(saved.Choices.SelectMany(g => g).SelectMany(c => c.LogitValues()),
            loaded.Choices.SelectMany(g => g).SelectMany(c => c.LogitValues()));
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal("parsec-distribution", (string?)root["format"]);
        Assert.Equal(1, (int?)root["version"]);
    }

    [Fact]
    public void OptionsAreMatchedByNameNotPosition()
    {
        var small = new ArchitectureDistribution(ModelSearchSpace.Of(TestModel.Operation(4, 2)));
        small.Choices[0][0].SetLogits(new[] { 3.0, 1.0, 2.0 });
        string path = Path.Combine(directory, "pi.json");
        small.Save(path);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        var choice = json["cells"]![0]!["choices"]![0]!;
        choice["options"] = new JsonArray("Noise", "Zero", "Identity");
        choice["logits"] = new JsonArray(new JsonArray(2.0, 1.0, 3.0));
        File.WriteAllText(path, json.ToJsonString());

        var loaded = new ArchitectureDistribution(ModelSearchSpace.Of(TestModel.Operation(4, 2)));
        loaded.Load(path);
        Assert.Equal(new[] { 3.0, 1.0, 2.0 }, loaded.Choices[0][0].LogitValues());
    }

    [Fact]
    public void ASmallModelWarmStartsALargerOneOnlyWithPartialMatch()
    {
        var small = new ArchitectureDistribution(ModelSearchSpace.Of(TestModel.Operation(4, 2)));
        small.Choices[0][0].SetLogits(new[] { 2.0, -1.0, -1.0 });
        string path = Path.Combine(directory, "small.json");
        small.Save(path);

        var larger = new ArchitectureDistribution(ModelSearchSpace.Of(
            new TestModel(new Chain("Body", new InputCell(), new OperationCell(), new OperationCell()), 4, 2)));
        var error = Assert.Throws<ArgumentException>(() => larger.Load(path));
        Assert.Contains("Tests.InputCell.Source", error.Message);
        Assert.All(larger.Choices.SelectMany(g => g), c => Assert.All(c.LogitValues(), v => Assert.Equal(0.0, v)));

        var result = larger.Load(path, allowPartial: true);
        Assert.Equal(new[] { "Tests.OperationCell.Op" }, result.Loaded);
        Assert.Single(result.Skipped, s => s.StartsWith("Tests.InputCell.Source", StringComparison.Ordinal));
        Assert.Equal(new[] { 2.0, -1.0, -1.0 }, larger.Choices[larger.Space.IndexOf("Tests.OperationCell")][0].LogitValues());
        Assert.All(larger.Choices[larger.Space.IndexOf("Tests.InputCell")][0].LogitValues(), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void DifferentOptionsAreAMismatchNamingTheChoice()
    {
        string path = Path.Combine(directory, "pi.json");
        new ArchitectureDistribution(ModelSearchSpace.Of(TestModel.Operation(4, 2))).Save(path);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"Noise\"", "\"Gelu\""));

        var target = new ArchitectureDistribution(ModelSearchSpace.Of(TestModel.Operation(4, 2)));
        var error = Assert.Throws<ArgumentException>(() => target.Load(path));
        Assert.Contains("Tests.OperationCell.Op", error.Message);
        Assert.Contains("Gelu", error.Message);
        Assert.Single(target.Load(path, allowPartial: true).Skipped);
    }

    [Fact]
    public void AFileThatIsNotADistributionIsRejected()
    {
        string path = Path.Combine(directory, "other.json");
        File.WriteAllText(path, "{\"format\":\"something-else\"}");
        var target = new ArchitectureDistribution(ModelSearchSpace.Of(TestModel.Operation(4, 2)));
        Assert.Contains("not a parsec-distribution", Assert.Throws<ArgumentException>(() => target.Load(path)).Message);
    }
}
