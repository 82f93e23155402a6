using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Parsec.Export.Tests.Infrastructure;
using Parsec.Export.Tests.TestCells;
using Parsec.Search;
using Parsec.SearchSpace;
using Xunit;

namespace Parsec.Export.Tests;

/// <summary>A request that does not fit the model is a clear error, and nothing is written.</summary>
public sealed class BadRequestTests
{
    [Fact]
    public void An_architecture_of_another_model_is_refused()
    {
        using var directory = new TemporaryDirectory();
        var supernet = ChainModels.Create();
        var otherModel = new UnsharedListNetwork(5, count: 2);
        var foreign = Architectures.Random(ModelSearchSpace.Of(otherModel), seed: 1);

        var error = Assert.Throws<ArgumentException>(() => Exporter(directory).Export(supernet, foreign));

        Assert.Contains("does not fit cell group 'Parsec.Export.Tests.TestCells.ChainCell'", error.Message);
        Assert.Empty(directory.FileNames());
    }

    [Fact]
    public void An_architecture_with_too_few_groups_is_refused()
    {
        using var directory = new TemporaryDirectory();
        var supernet = ChainModels.Create();
        var partial = new ModelArchitecture(ChainModels.First(supernet).Cells.RemoveAt(1));

        var error = Assert.Throws<ArgumentException>(() => Exporter(directory).Export(supernet, partial));

        Assert.Contains("covers 1 cell groups but the model has 2", error.Message);
        Assert.Empty(directory.FileNames());
    }

    [Fact]
    public void A_choice_out_of_range_names_the_cell_and_the_choice()
    {
        using var directory = new TemporaryDirectory();
        var supernet = ChainModels.Create();
        var good = ChainModels.First(supernet);
        var chain = good.Cells[0];
        var broken = new ModelArchitecture(good.Cells.SetItem(0,
            new CellArchitecture(chain.Selections.SetItem(2, ImmutableArray.Create(7)))));

        var error = Assert.Throws<ArgumentException>(() => Exporter(directory).Export(supernet, broken));

        Assert.Contains("Parsec.Export.Tests.TestCells.ChainCell", error.Message);
        Assert.Contains("Depth", error.Message);
        Assert.Empty(directory.FileNames());
    }

    [Fact]
    public void A_search_result_of_another_model_is_refused()
    {
        using var directory = new TemporaryDirectory();
        var supernet = ChainModels.Create();
        var otherSpace = ModelSearchSpace.Of(new UnsharedNetwork(5));
        var result = new SearchResult("Random", otherSpace, Architectures.Random(otherSpace, 1),
            Array.Empty<RankedArchitecture>(), Array.Empty<ChoiceSummary>());

        var error = Assert.Throws<ArgumentException>(() => Exporter(directory).Export(supernet, result));

        Assert.Contains("another model", error.Message);
        Assert.Empty(directory.FileNames());
    }

    [Fact]
    public void A_model_without_SearchModel_is_told_to_add_it()
    {
        using var directory = new TemporaryDirectory();
        var model = new UnmarkedNetwork(5);
        var architecture = Architectures.Random(ModelSearchSpace.Of(model), seed: 1);

        var error = Assert.Throws<ArgumentException>(() => Exporter(directory).Export(model, architecture));

        Assert.Contains("add [SearchModel]", error.Message);
        Assert.Empty(directory.FileNames());
    }

    [Fact]
    public void Weights_of_another_model_name_the_first_unexpected_entry()
    {
        using var directory = new TemporaryDirectory();
        using var elsewhere = new TemporaryDirectory();
        string foreign = Path.Combine(elsewhere.Path, "other.dat");
        TorchSharp.torch.nn.Linear(5, 5).save(foreign);
        var supernet = ChainModels.Create();

        var error = Assert.Throws<InvalidDataException>(() =>
            Exporter(directory, foreign).Export(supernet, ChainModels.First(supernet)));

        Assert.Contains("its entry 'weight' is not a parameter or buffer of the model", error.Message);
        Assert.Empty(directory.FileNames());
    }

    [Fact]
    public void Weights_of_another_size_name_the_first_shape_mismatch()
    {
        using var directory = new TemporaryDirectory();
        using var elsewhere = new TemporaryDirectory();
        string wider = Path.Combine(elsewhere.Path, "wider.dat");
        new ChainNetwork(inputs: 6, features: 7, classes: 3).save(wider);
        var supernet = ChainModels.Create();

        var error = Assert.Throws<InvalidDataException>(() =>
            Exporter(directory, wider).Export(supernet, ChainModels.First(supernet)));

        Assert.Contains("'stem.0.weight' is Float32 [7, 6] in the file but Float32 [5, 6] in the model", error.Message);
        Assert.Empty(directory.FileNames());
    }

    [Fact]
    public void Weights_missing_an_entry_name_it()
    {
        using var directory = new TemporaryDirectory();
        using var elsewhere = new TemporaryDirectory();
        string partial = Path.Combine(elsewhere.Path, "partial.dat");
        var supernet = ChainModels.Create();
        supernet.save(partial, skip: new List<string> { "classifier.bias" });

        var error = Assert.Throws<InvalidDataException>(() =>
            Exporter(directory, partial).Export(supernet, ChainModels.First(supernet)));

        Assert.Contains("it has no entry for 'classifier.bias'", error.Message);
        Assert.Empty(directory.FileNames());
    }

    [Fact]
    public void Unshared_cells_that_chose_differently_outside_model_fields_are_not_supported()
    {
        using var directory = new TemporaryDirectory();
        var model = new UnsharedListNetwork(5, count: 2);
        var different = new ModelArchitecture(ImmutableArray.Create(Architectures.Unshared(0, 0), Architectures.Unshared(1, 0)));

        var error = Assert.Throws<NotSupportedException>(() => Exporter(directory).Export(model, different));

        Assert.Contains("the instance at 'blocks.0' the class UnsharedCell_0", error.Message);
        Assert.Empty(directory.FileNames());
    }

    private static ModelExporter Exporter(TemporaryDirectory directory, string? supernetWeights = null) =>
        new(new ExportOptions { OutputDirectory = directory.Path, SupernetWeights = supernetWeights });
}
