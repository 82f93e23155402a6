using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Parsec.Export.Tests.Infrastructure;
using Parsec.Search;
using Parsec.SearchSpace;
using Xunit;
using static TorchSharp.torch;

namespace Parsec.Export.Tests;

/// <summary>The header says where the architecture came from; exporting reads the model but does not change it.</summary>
public sealed class ProvenanceTests
{
    [Fact]
    public void A_search_result_puts_its_strategy_probabilities_settings_and_distribution_in_the_header()
    {
        using var directory = new TemporaryDirectory();
        var supernet = ChainModels.Create();
        var space = ModelSearchSpace.Of(supernet);
        var best = ChainModels.First(supernet);
        var choices = space.Groups.SelectMany(group => group.Space.Choices.Select(choice => new ChoiceSummary(
            group.Key, choice.Name, choice.Options,
            ImmutableArray.Create(choice.Options.Select((_, o) => o == 0 ? 0.9 : 0.1 / (choice.Options.Length - 1)).ToImmutableArray()),
            0.5))).ToList();
        var result = new SearchResult("PARSEC", space, best, Array.Empty<RankedArchitecture>(), choices);

        string text = new ModelExporter(new ExportOptions { OutputDirectory = directory.Path })
            .Export(supernet, result, new SearchOptions { Steps = 300, BatchSize = 32, Seed = 4 }, "runs/chain.json").Source.Text;

        Assert.Contains("// Architecture, with each choice's probability at the end of the search:", text);
        Assert.Contains("//   Parsec.Export.Tests.TestCells.ChainCell.Act = Gated  (p = 0.900)", text);
        Assert.Contains("//   Parsec.Export.Tests.TestCells.ChainCell.Depth = 2  (p = 0.050)", text);
        Assert.Contains("//   Parsec.Export.Tests.TestCells.PairCell.FirstInputs = [b, ab]  (p = 0.050, 0.050)", text);
        Assert.Contains("// Search: PARSEC; Steps 300, StepsRun 0, BatchSize 32, Seed 4, WeightOptimizer SGD(lr 0.025, momentum 0.9, decay 0.0003), CosineSchedule true", text);
        Assert.Contains("// Distribution: chain.json\n", text);
        Assert.Equal(best, ExportHeader.ReadArchitecture(text, space));
    }

    [Fact]
    public void The_header_records_the_distribution_file_by_name_and_content_hash_not_by_path()
    {
        using var directory = new TemporaryDirectory();
        using var searchRun = new TemporaryDirectory();
        string distribution = Path.Combine(searchRun.Path, "distribution.json");
        File.WriteAllText(distribution, "{\"steps\": 300}");
        var supernet = ChainModels.Create();
        var provenance = new ExportProvenance { DistributionFile = distribution };

        string text = new ModelExporter(new ExportOptions { OutputDirectory = directory.Path })
            .Export(supernet, ChainModels.First(supernet), provenance).Source.Text;

        string sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(distribution)));
        Assert.Contains($"// Distribution: distribution.json (sha256:{sha256})\n", text);
        Assert.DoesNotContain(searchRun.Path, text);
    }

    [Fact]
    public void Exporting_leaves_the_supernet_as_it_was()
    {
        using var directory = new TemporaryDirectory();
        var supernet = ChainModels.Create();
        var architecture = ChainModels.First(supernet);
        var input = randn(3, 6);
        var before = Supernets.SelectedOutput(supernet, architecture, input);
        var parametersBefore = supernet.parameters().Select(p => p.detach().clone()).ToList();

        new ModelExporter(new ExportOptions { OutputDirectory = directory.Path }).Export(supernet, architecture);
        new ModelExporter(new ExportOptions { OutputDirectory = directory.Path }).Export(supernet, ChainModels.Second(supernet));

        Assert.All(supernet.parameters().Zip(parametersBefore), pair => Assert.Equal(0.0, Supernets.MaxAbsDifference(pair.First, pair.Second)));
        using (no_grad()) Assert.Equal(0.0, Supernets.MaxAbsDifference(before, supernet.call(input)));
    }
}
