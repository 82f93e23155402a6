using System.IO;
using System.Runtime.CompilerServices;
using Parsec.Export.Tests.Infrastructure;
using Parsec.Samples.Darts;
using Parsec.SearchSpace;
using Xunit;

namespace Parsec.Export.Tests;

/// <summary>
/// samples/FashionMnist.Exported/DartsNetwork.cs is what the exporter produces for the architecture its header
/// records, so the sample cannot drift from the exporter. The header's provenance (probabilities, settings) is not
/// re-derived: the header is checked by its hash, the code by re-exporting.
/// </summary>
public sealed class SampleExportTests
{
    [Fact]
    public void The_shipped_sample_is_the_export_of_its_recorded_architecture()
    {
        string path = SamplePath();
        string shipped = File.ReadAllText(path).Replace("\r\n", "\n");
        var model = new DartsNetwork(layout: "NR", channels: 4);
        var architecture = ExportHeader.ReadArchitecture(shipped, ModelSearchSpace.Of(model));
        bool shipsWeights = File.Exists(Path.ChangeExtension(path, ModelExporter.WeightsExtension));

        string exported = new ModelExporter(new ExportOptions { WriteWeights = shipsWeights }).Render(model, architecture).Text;

        Assert.True(ExportHeader.IsIntact(shipped), $"{path} was edited by hand: its hash no longer matches.");
        Assert.Equal(Code(exported), Code(shipped));
    }

    [Fact]
    public void The_shipped_sample_compiles_against_TorchSharp_alone()
    {
        Assert.Empty(ExportedAssembly.Diagnose(File.ReadAllText(SamplePath()), out _));
    }

    private static string Code(string text) => text.Substring(text.IndexOf("#nullable enable", System.StringComparison.Ordinal));

    private static string SamplePath([CallerFilePath] string testFile = "") =>
        Path.GetFullPath(Path.Combine(Golden.ProjectDirectory(testFile), "..", "..", "samples", "FashionMnist.Exported", "DartsNetwork.cs"));
}
