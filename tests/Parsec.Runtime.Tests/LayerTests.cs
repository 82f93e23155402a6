using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using Parsec.SearchSpace;
using Xunit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Parsec.Runtime.Tests;

/// <summary>
/// The runtime is built in layers, each a folder and a namespace: a type may use its own namespace and the layers
/// below it, never one beside or above it (docs/architecture.md).
/// </summary>
public sealed class LayerTests
{
    /// <summary>Bottom to top; the namespaces of one layer are independent of each other.</summary>
    public static readonly string[][] Layers =
    {
        new[] { "Parsec.SearchSpace" },
        new[] { "Parsec.Supernet", "Parsec.Data", "Parsec.Persistence" },
        new[] { "Parsec.Search" },
        new[] { "Parsec.Export", "Parsec.Search.BlackBox" },
    };

    private static readonly Architecture Runtime = new ArchLoader().LoadAssemblies(typeof(ModelSearchSpace).Assembly).Build();

    public static TheoryData<string> Namespaces() => new(Layers.SelectMany(layer => layer));

    [Theory]
    [MemberData(nameof(Namespaces))]
    public void A_layer_uses_no_namespace_beside_or_above_it(string layerNamespace)
    {
        int level = Array.FindIndex(Layers, layer => layer.Contains(layerNamespace));
        string[] forbidden = Layers.Skip(level).SelectMany(layer => layer).Where(name => name != layerNamespace).ToArray();

        Types().That().ResideInNamespace(layerNamespace)
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(NamespacePattern(forbidden)))
            .Check(Runtime);
    }

    [Fact]
    public void Every_runtime_type_lives_in_a_layer()
    {
        string[] known = Layers.SelectMany(layer => layer).ToArray();
        var strays = Runtime.Types.Where(type => type.FullName.StartsWith("Parsec.", StringComparison.Ordinal)
                                                 && !known.Contains(type.Namespace.FullName))
            .Select(type => type.FullName);
        Assert.Empty(strays);
    }

    [Theory]
    [InlineData("src/Parsec.Runtime", "Parsec")]
    [InlineData("src/Parsec.Training", "Parsec.Training")]
    [InlineData("src/Parsec.Trials", "Parsec.Trials")]
    [InlineData("src/Parsec.Attributes", "Parsec")]
    public void Every_source_files_namespace_matches_its_folder(string project, string rootNamespace)
    {
        string projectDirectory = Path.Combine(RepositoryRoot(), project);
        var mismatches = Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(Path.GetRelativePath(projectDirectory, path)))
            .Select(path => (path, expected: ExpectedNamespace(projectDirectory, path, rootNamespace), actual: DeclaredNamespace(path)))
            .Where(file => file.expected != file.actual)
            .Select(file => $"{Path.GetRelativePath(projectDirectory, file.path)}: namespace {file.actual}, folder says {file.expected}")
            .ToList();
        Assert.Empty(mismatches);
    }

    [Fact]
    public void The_layer_rule_catches_a_type_that_uses_a_layer_above_its_own()
    {
        // Parsec.Export uses Parsec.Search, so the rule read the other way round must fail.
        var inverted = Types().That().ResideInNamespace("Parsec.Export")
            .Should().NotDependOnAny(Types().That().ResideInNamespace("Parsec.Search"));
        Assert.False(inverted.HasNoViolations(Runtime));
    }

    private static string NamespacePattern(string[] namespaces) =>
        "^(" + string.Join("|", namespaces.Select(Regex.Escape)) + ")$";

    private static bool IsBuildOutput(string relativePath) =>
        relativePath.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || relativePath.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string ExpectedNamespace(string projectDirectory, string path, string rootNamespace)
    {
        string? folder = Path.GetDirectoryName(Path.GetRelativePath(projectDirectory, path));
        return string.IsNullOrEmpty(folder) ? rootNamespace : rootNamespace + "." + folder.Replace(Path.DirectorySeparatorChar, '.');
    }

    private static string? DeclaredNamespace(string path) =>
        Regex.Match(File.ReadAllText(path), @"^namespace ([\w.]+);", RegexOptions.Multiline) is { Success: true } match
            ? match.Groups[1].Value
            : null;

    private static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
