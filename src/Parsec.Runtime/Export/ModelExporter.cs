using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Parsec.Persistence;
using Parsec.Search;
using Parsec.SearchSpace;
using Parsec.Supernet;
using static TorchSharp.torch;

namespace Parsec.Export;

/// <summary>
/// Ships the winner: writes a searched <c>[SearchModel]</c> with one architecture fixed as standalone C# (TorchSharp
/// only, no reference to Parsec) and the chosen path's weights, which load into it with <c>Module.load</c>.
/// A request that does not fit the model throws before anything is written.
/// </summary>
public sealed class ModelExporter
{
    /// <summary>The weights file's extension; the file is named after the exported class.</summary>
    public const string WeightsExtension = ".weights";

    /// <summary>Creates an exporter with <paramref name="options"/> (defaults when null).</summary>
    public ModelExporter(ExportOptions? options = null) => Options = options ?? new ExportOptions();

    /// <summary>Where and how the exporter writes.</summary>
    public ExportOptions Options { get; }

    /// <summary>Exports <paramref name="model"/> with a search's recommended architecture, recording its probabilities and settings.</summary>
    /// <param name="model">The searched model (its weights are exported unless <see cref="ExportOptions.SupernetWeights"/> is set).</param>
    /// <param name="result">The search's result; its space must be the model's.</param>
    /// <param name="settings">The settings the search ran with, for the header.</param>
    /// <param name="distributionFile">The distribution file of the search, for the header.</param>
    public ExportResult Export(nn.Module<Tensor, Tensor> model, SearchResult result, SearchOptions? settings = null, string? distributionFile = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        RequireSameSpace(ModelSearchSpace.Of(model), result.Space);
        return Export(model, result.Best, ExportProvenance.From(result, settings, distributionFile));
    }

    /// <summary>Exports <paramref name="model"/> with <paramref name="architecture"/> fixed.</summary>
    /// <returns>What was written; a hand-edited file is reported, not replaced (see <see cref="ExportOptions.Overwrite"/>).</returns>
    /// <exception cref="ArgumentException">The model is not a <c>[SearchModel]</c>, or the architecture does not belong to it.</exception>
    /// <exception cref="InvalidDataException"><see cref="ExportOptions.SupernetWeights"/> is not a weights file of the model.</exception>
    /// <exception cref="NotSupportedException">
    /// Unshared instances of one cell type chose different architectures and one of them is not a field of the model
    /// (see <c>docs/export.md</c>), or two exported types have the same name.
    /// </exception>
    /// <exception cref="HandEditedFileException">The file was edited by hand and <see cref="ExportOptions.ThrowIfHandEdited"/> is set.</exception>
    public ExportResult Export(nn.Module<Tensor, Tensor> model, ModelArchitecture architecture, ExportProvenance? provenance = null)
    {
        var (space, cells, source) = Prepare(model, architecture, provenance);
        string sourcePath = Path.GetFullPath(Path.Combine(Options.OutputDirectory, source.FileName));
        string weightsPath = Path.ChangeExtension(sourcePath, WeightsExtension);

        using var scope = NewDisposeScope();
        var weights = Options.WriteWeights ? ChosenWeights.Select(SupernetState(model), CellPaths(space, cells)) : null;

        var status = ExportStatus.Written;
        var warnings = new List<string>();
        if (File.Exists(sourcePath))
        {
            string existing = File.ReadAllText(sourcePath);
            if (existing.Replace("\r\n", "\n") == source.Text) status = ExportStatus.SourceUnchanged;
            else if (!ExportHeader.IsIntact(existing) && !Options.Overwrite)
            {
                if (Options.ThrowIfHandEdited) throw new HandEditedFileException(sourcePath);
                warnings.Add($"'{sourcePath}' was edited by hand since it was exported, so neither it nor its weights were written; " +
                             "set ExportOptions.Overwrite to replace it.");
                return new ExportResult(ExportStatus.SkippedHandEdited, sourcePath, null, source, warnings);
            }
        }

        if (weights is not null) ChosenWeights.Write(weightsPath, weights);
        if (status == ExportStatus.Written)
            AtomicFile.Write(sourcePath, stream => stream.Write(new UTF8Encoding(false).GetBytes(source.Text)));
        return new ExportResult(status, sourcePath, weights is null ? null : weightsPath, source, warnings);
    }

    /// <summary>Renders the exported source without writing anything.</summary>
    public ExportedSource Render(nn.Module<Tensor, Tensor> model, ModelArchitecture architecture, ExportProvenance? provenance = null) =>
        Prepare(model, architecture, provenance).Source;

    private (ModelSearchSpace Space, IReadOnlyList<FixedCell> Cells, ExportedSource Source) Prepare(
        nn.Module<Tensor, Tensor> model, ModelArchitecture architecture, ExportProvenance? provenance)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(architecture);
        var modelSource = SearchModelSource.Of(model.GetType());
        var space = ModelSearchSpace.Of(model);
        RequireFit(space, architecture);
        var cells = FixedCells(space, architecture);
        var source = new SourceComposer(Options.Templates)
            .Compose(model.GetType(), modelSource, space, architecture, cells, provenance, Options);
        return (space, cells, source);
    }

    private Dictionary<string, Tensor> SupernetState(nn.Module<Tensor, Tensor> model) =>
        Options.SupernetWeights is { } path
            ? SupernetWeightsFile.Read(path, model)
            : new Dictionary<string, Tensor>(model.state_dict(), StringComparer.Ordinal);

    private static void RequireFit(ModelSearchSpace space, ModelArchitecture architecture)
    {
        if (architecture.Cells.Length != space.Groups.Length)
            throw new ArgumentException(
                $"The architecture covers {architecture.Cells.Length} cell groups but the model has {space.Groups.Length} " +
                $"({string.Join(", ", space.Groups.Select(group => group.Key))}): it is not an architecture of this model.", nameof(architecture));
        for (int g = 0; g < space.Groups.Length; g++)
        {
            try
            {
                architecture.Cells[g].Validate(space.Groups[g].Space);
            }
            catch (ArgumentException problem)
            {
                throw new ArgumentException(
                    $"The architecture does not fit cell group '{space.Groups[g].Key}' of the model: {problem.Message}", nameof(architecture), problem);
            }
        }
    }

    private static void RequireSameSpace(ModelSearchSpace model, ModelSearchSpace searched)
    {
        var modelKeys = model.Groups.Select(group => group.Key).ToList();
        var searchedKeys = searched.Groups.Select(group => group.Key).ToList();
        if (!modelKeys.SequenceEqual(searchedKeys)
            || model.Groups.Zip(searched.Groups).Any(pair => !pair.First.Space.Equals(pair.Second.Space)))
            throw new ArgumentException(
                $"The search result is of another model: it searched {string.Join(", ", searchedKeys)} but the model has " +
                $"{string.Join(", ", modelKeys)}.", "result");
    }

    /// <summary>
    /// One fixed cell per cell type and distinct architecture. A type whose unshared instances chose one architecture
    /// keeps its name; one whose instances chose k different ones becomes k classes <c>{Type}_0</c> .. <c>{Type}_{k-1}</c>,
    /// numbered in the order the architectures first appear in the model (its groups' order, <c>named_modules()</c>).
    /// </summary>
    private static IReadOnlyList<FixedCell> FixedCells(ModelSearchSpace space, ModelArchitecture architecture) =>
        space.Groups.Select((group, g) => (group, cell: architecture.Cells[g]))
            .GroupBy(pair => pair.group.Space.CellType)
            .SelectMany(type =>
            {
                var distinct = type.GroupBy(pair => pair.cell).ToList();
                return distinct.Select((chosen, index) =>
                {
                    var groups = chosen.Select(pair => pair.group).ToList();
                    string typeName = FixedCell.TypeNameOf(groups[0].Space);
                    return new FixedCell(groups[0].Space, chosen.Key, distinct.Count == 1 ? typeName : $"{typeName}_{index}", groups);
                });
            })
            .ToList();

    private static IEnumerable<(string CellPath, FixedCell Cell)> CellPaths(ModelSearchSpace space, IReadOnlyList<FixedCell> cells) =>
        space.Groups.SelectMany(group => group.CellPaths.Select(path => (path, cells.First(cell => cell.Groups.Contains(group)))));
}
