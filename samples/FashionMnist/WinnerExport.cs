using System.Collections.Generic;
using System.IO;
using System.Linq;
using Parsec.Data;
using Parsec.Export;
using Parsec.Search;
using Parsec.SearchSpace;

namespace Parsec.Samples.FashionMnist;

/// <summary>Exported model source, ready to compile: its text and the model class's full name.</summary>
public sealed record ExportedModel(string SourcePath, string Source, string TypeName);

/// <summary>Exports the search's winner (source and weights, under <c>artifacts/exported</c>) and renders random baselines.</summary>
public static class WinnerExport
{
    public static ExportedModel Export(SearchOutcome search, SampleOptions options)
    {
        // The artifacts folder belongs to the run, so a new run replaces its previous export.
        var exporter = new ModelExporter(new ExportOptions { OutputDirectory = Path.Combine(options.Output, "exported"), Overwrite = true });
        var result = exporter.Export(search.Result.Space.Model, search.Result, search.Settings, search.DistributionPath);
        return new ExportedModel(result.SourcePath, result.Source.Text, $"{result.Source.Namespace}.{result.Source.ClassName}");
    }

    /// <summary>
    /// <paramref name="count"/> architectures drawn uniformly from the searched space (the same ones for the same seed),
    /// each described and rendered without writing files.
    /// </summary>
    public static IReadOnlyList<(ModelArchitecture Architecture, string Description, ExportedModel Model)> RandomArchitectures(SearchOutcome search, SampleOptions options, int count)
    {
        var space = search.Result.Space;
        var uniform = new ArchitectureDistribution(space);
        var random = new SearchRandom(options.Seed + 7919);
        var exporter = new ModelExporter(new ExportOptions { WriteWeights = false });
        return Enumerable.Range(0, count).Select(_ =>
        {
            var architecture = uniform.Sample(random);
            var source = exporter.Render(space.Model, architecture);
            return (architecture, architecture.ToString(space), new ExportedModel(source.FileName, source.Text, $"{source.Namespace}.{source.ClassName}"));
        }).ToList();
    }
}
