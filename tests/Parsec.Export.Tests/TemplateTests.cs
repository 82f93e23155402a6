using System;
using System.IO;
using Parsec.Export.Tests.Infrastructure;
using Xunit;

namespace Parsec.Export.Tests;

/// <summary>Users can lay the export out with their own templates, by text or from a folder.</summary>
public sealed class TemplateTests
{
    [Fact]
    public void A_template_given_as_text_replaces_the_embedded_one()
    {
        var supernet = ChainModels.Create();
        var templates = ExportTemplates.Embedded.With("ValueChoice.scriban", "// searched value\n{{ declaration }} => {{ value }};\n");

        string text = new ModelExporter(new ExportOptions { Templates = templates }).Render(supernet, ChainModels.First(supernet)).Text;

        Assert.Contains("    // searched value\n    private int Depth => 2;", text);
        Assert.DoesNotContain("out of 1, 2, 3", text);
        Assert.Empty(ExportedAssembly.Diagnose(text, out _));
    }

    [Fact]
    public void Templates_from_a_folder_replace_those_of_the_same_name()
    {
        using var folder = new TemporaryDirectory();
        File.WriteAllText(Path.Combine(folder.Path, "InputChoice.scriban"), "{{ declaration }} => {{ selected[0] }}; // input\n");
        var supernet = ChainModels.Create();

        string text = new ModelExporter(new ExportOptions { Templates = ExportTemplates.FromDirectory(folder.Path) })
            .Render(supernet, ChainModels.First(supernet)).Text;

        Assert.Contains("private Tensor Skip(Tensor input, Tensor hidden) => hidden; // input", text);
        Assert.Contains("// Depth: 2, out of 1, 2, 3.", text);
    }

    [Fact]
    public void A_file_template_without_the_hash_line_is_an_error()
    {
        var supernet = ChainModels.Create();
        var templates = ExportTemplates.Embedded.With("File.scriban", "namespace {{ namespace }};\n");

        var error = Assert.Throws<InvalidOperationException>(() =>
            new ModelExporter(new ExportOptions { Templates = templates }).Render(supernet, ChainModels.First(supernet)));

        Assert.Contains("hash_line", error.Message);
    }

    [Fact]
    public void Unknown_template_names_and_variables_are_errors()
    {
        var supernet = ChainModels.Create();
        var misspelt = ExportTemplates.Embedded.With("ValueChoice.scriban", "{{ declaraton }} => {{ value }};");

        Assert.Throws<ArgumentException>(() => ExportTemplates.Embedded.With("Cell.scriban", ""));
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ModelExporter(new ExportOptions { Templates = misspelt }).Render(supernet, ChainModels.First(supernet)));
        Assert.Contains("ValueChoice.scriban", error.Message);
    }
}
