using System.IO;
using Parsec.Export.Tests.Infrastructure;
using Parsec.SearchSpace;
using Xunit;

namespace Parsec.Export.Tests;

/// <summary>A file edited by hand is left alone and reported; a file as Parsec wrote it is replaced.</summary>
public sealed class HandEditTests
{
    [Fact]
    public void An_untouched_export_is_replaced_and_an_identical_one_left_as_is()
    {
        using var directory = new TemporaryDirectory();
        var supernet = ChainModels.Create();
        var exporter = new ModelExporter(new ExportOptions { OutputDirectory = directory.Path });
        exporter.Export(supernet, ChainModels.First(supernet));

        var replaced = exporter.Export(supernet, ChainModels.Second(supernet));
        var again = exporter.Export(supernet, ChainModels.Second(supernet));

        Assert.Equal(ExportStatus.Written, replaced.Status);
        Assert.Equal(ExportStatus.SourceUnchanged, again.Status);
        Assert.Equal(ChainModels.Second(supernet), ExportHeader.ReadArchitecture(File.ReadAllText(replaced.SourcePath), ModelSearchSpace.Of(supernet)));
        Assert.Empty(replaced.Warnings);
    }

    [Fact]
    public void A_hand_edited_file_is_left_alone_and_reported()
    {
        using var directory = new TemporaryDirectory();
        var supernet = ChainModels.Create();
        var exporter = new ModelExporter(new ExportOptions { OutputDirectory = directory.Path });
        var first = exporter.Export(supernet, ChainModels.First(supernet));
        string edited = File.ReadAllText(first.SourcePath).Replace("private int Depth => 2;", "private int Depth => 4;");
        File.WriteAllText(first.SourcePath, edited);
        var weights = File.ReadAllBytes(first.WeightsPath!);

        var result = exporter.Export(supernet, ChainModels.Second(supernet));

        Assert.Equal(ExportStatus.SkippedHandEdited, result.Status);
        Assert.Null(result.WeightsPath);
        Assert.Contains(first.SourcePath, Assert.Single(result.Warnings));
        Assert.Equal(edited, File.ReadAllText(first.SourcePath));
        Assert.Equal(weights, File.ReadAllBytes(first.WeightsPath!));
        Assert.False(ExportHeader.IsIntact(edited));
    }

    [Fact]
    public void A_hand_edited_file_throws_when_asked_and_is_replaced_when_asked()
    {
        using var directory = new TemporaryDirectory();
        var supernet = ChainModels.Create();
        var first = new ModelExporter(new ExportOptions { OutputDirectory = directory.Path }).Export(supernet, ChainModels.First(supernet));
        string edited = File.ReadAllText(first.SourcePath) + "// my note\n";
        File.WriteAllText(first.SourcePath, edited);

        var thrown = Assert.Throws<HandEditedFileException>(() =>
            new ModelExporter(new ExportOptions { OutputDirectory = directory.Path, ThrowIfHandEdited = true })
                .Export(supernet, ChainModels.Second(supernet)));
        string afterThrow = File.ReadAllText(first.SourcePath);
        var overwritten = new ModelExporter(new ExportOptions { OutputDirectory = directory.Path, Overwrite = true })
            .Export(supernet, ChainModels.Second(supernet));

        Assert.Equal(first.SourcePath, thrown.Path);
        Assert.Equal(edited, afterThrow);
        Assert.Equal(ExportStatus.Written, overwritten.Status);
        Assert.True(ExportHeader.IsIntact(File.ReadAllText(first.SourcePath)));
    }

    [Fact]
    public void A_file_Parsec_did_not_write_counts_as_hand_edited()
    {
        using var directory = new TemporaryDirectory();
        var supernet = ChainModels.Create();
        File.WriteAllText(Path.Combine(directory.Path, "ChainNetwork.cs"), "// the user's own ChainNetwork\n");

        var result = new ModelExporter(new ExportOptions { OutputDirectory = directory.Path }).Export(supernet, ChainModels.First(supernet));

        Assert.Equal(ExportStatus.SkippedHandEdited, result.Status);
        Assert.Equal(new[] { "ChainNetwork.cs" }, directory.FileNames());
    }

    [Fact]
    public void Line_endings_changed_by_git_are_not_an_edit()
    {
        var supernet = ChainModels.Create();
        string text = new ModelExporter().Render(supernet, ChainModels.First(supernet)).Text;

        Assert.True(ExportHeader.IsIntact(text));
        Assert.True(ExportHeader.IsIntact(text.Replace("\n", "\r\n")));
        Assert.False(ExportHeader.IsIntact(text.Replace("=> 2;", "=> 3;")));
    }
}
