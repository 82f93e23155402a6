using System;
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

/// <summary>Exports the search's winner (source and weights, under <c>artifacts/exported</c>) and renders random baselines and the most probable architectures.</summary>
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
        var uniform = new ArchitectureDistribution(search.Result.Space);
        var random = new SearchRandom(options.Seed + 7919);
        return Render(search, Enumerable.Range(0, count).Select(_ => uniform.Sample(random)).ToList());
    }

    /// <summary>
    /// The <paramref name="count"/> most probable architectures of the learned distribution, most probable first, each
    /// with its probability, described and rendered without writing files.
    /// </summary>
    public static IReadOnlyList<(ModelArchitecture Architecture, string Description, ExportedModel Model, double Probability)> MostProbableArchitectures(
        SearchOutcome search, int count)
    {
        var ranked = search.Strategy.Distribution.MostProbable(count);
        return Render(search, ranked.Select(entry => entry.Architecture).ToList())
            .Select((rendered, i) => (rendered.Architecture, rendered.Description, rendered.Model, Math.Exp(ranked[i].Score)))
            .ToList();
    }

    private static List<(ModelArchitecture Architecture, string Description, ExportedModel Model)> Render(SearchOutcome search, IReadOnlyList<ModelArchitecture> architectures)
    {
        var space = search.Result.Space;
        var exporter = new ModelExporter(new ExportOptions { WriteWeights = false });
        return architectures.Select(architecture =>
        {
            var source = exporter.Render(space.Model, architecture);
            return (architecture, architecture.ToString(space), new ExportedModel(source.FileName, source.Text, $"{source.Namespace}.{source.ClassName}"));
        }).ToList();
    }
}
