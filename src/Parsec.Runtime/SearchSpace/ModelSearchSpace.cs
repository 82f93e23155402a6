using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using static TorchSharp.torch;

namespace Parsec.SearchSpace;

/// <summary>
/// The search space of a model: the <see cref="ISearchCell"/> modules it contains, grouped into the keys that each
/// own one architecture distribution. Selecting a <see cref="ModelArchitecture"/> sets every cell's architecture.
/// </summary>
public sealed class ModelSearchSpace
{
    private readonly nn.Module<Tensor, Tensor>? model;

    private ModelSearchSpace(nn.Module<Tensor, Tensor>? model, ImmutableArray<CellGroup> groups)
    {
        this.model = model;
        Groups = groups;
    }

    /// <summary>The model the space views.</summary>
    /// <exception cref="InvalidOperationException">The space was built by <see cref="OfCells"/> and views no model.</exception>
    public nn.Module<Tensor, Tensor> Model => model ?? throw new InvalidOperationException(
        "This search space was built from cell search spaces (ModelSearchSpace.OfCells) and has no model; " +
        "build it with ModelSearchSpace.Of(model) to train or select architectures.");

    /// <summary>Whether the space views a model (<see cref="Of"/>) rather than bare cell search spaces (<see cref="OfCells"/>).</summary>
    public bool HasModel => model is not null;

    /// <summary>The distribution keys, in the order their first cell appears in the model.</summary>
    public ImmutableArray<CellGroup> Groups { get; }

    /// <summary>The number of architectures of the whole model.</summary>
    public double Size => Groups.Aggregate(1.0, (product, group) => product * group.Space.Size);

    /// <summary>Finds the search cells of <paramref name="model"/>; a model without any is an <see cref="ArgumentException"/>.</summary>
    public static ModelSearchSpace Of(nn.Module<Tensor, Tensor> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var modules = new List<(string Path, nn.Module Module)>();
        if (model is ISearchCell) modules.Add(("", model));
        modules.AddRange(model.named_modules());

        var order = new List<string>();
        var members = new Dictionary<string, List<(string Path, ISearchCell Cell)>>();
        foreach (var (path, module) in modules)
        {
            if (module is not ISearchCell cell) continue;
            string key = CellGroup.KeyOf(cell.SearchSpace, path);
            if (!members.TryGetValue(key, out var list))
            {
                members[key] = list = new List<(string, ISearchCell)>();
                order.Add(key);
            }
            else if (!list[0].Cell.SearchSpace.Equals(cell.SearchSpace))
                throw new ArgumentException(
                    $"The cells of type {cell.SearchSpace.CellType} at '{list[0].Path}' and '{path}' report different search spaces.");
            list.Add((path, cell));
        }
        if (order.Count == 0)
            throw new ArgumentException(
                $"The model {model.GetType().Name} contains no search cell: mark at least one submodule with [SearchCell] " +
                "and register it (RegisterComponents) so named_modules() finds it.", nameof(model));

        var groups = order.Select(key =>
        {
            var list = members[key];
            var space = list[0].Cell.SearchSpace;
            return new CellGroup(key, space, space.SharedArchitecture ? null : list[0].Path,
                list.Select(m => m.Cell).ToImmutableArray(), list.Select(m => m.Path).ToImmutableArray());
        });
        return new ModelSearchSpace(model, groups.ToImmutableArray());
    }

    /// <summary>
    /// A space without a model, for a search that only scores architectures (black-box search): one group per cell
    /// search space, keyed by its cell type as a shared cell of a model would be, in the order given. The groups hold no
    /// cells, so <see cref="Select"/> has nothing to set and <see cref="Model"/> throws.
    /// </summary>
    /// <exception cref="ArgumentException">No cell is given, or two have the same cell type.</exception>
    public static ModelSearchSpace OfCells(params IEnumerable<CellSearchSpace> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var spaces = cells.ToImmutableArray();
        if (spaces.IsEmpty)
            throw new ArgumentException("Pass at least one cell search space (a [SearchCell]'s static Space).", nameof(cells));
        var repeated = spaces.GroupBy(space => space.CellType).FirstOrDefault(types => types.Count() > 1);
        if (repeated is not null)
            throw new ArgumentException(
                $"The cell type {repeated.Key} is given {repeated.Count()} times; without a model each cell type is one distribution key, so pass it once.",
                nameof(cells));
        return new ModelSearchSpace(null, spaces
            .Select(space => new CellGroup(space.CellType, space, null, ImmutableArray<ISearchCell>.Empty, ImmutableArray<string>.Empty))
            .ToImmutableArray());
    }

    /// <summary>The index of the group keyed <paramref name="key"/>, or -1.</summary>
    public int IndexOf(string key)
    {
        for (int g = 0; g < Groups.Length; g++)
            if (Groups[g].Key == key) return g;
        return -1;
    }

    /// <summary>Sets every cell's architecture to its group's part of <paramref name="architecture"/> and clears any relaxation.</summary>
    public void Select(ModelArchitecture architecture)
    {
        if (architecture.Cells.Length != Groups.Length)
            throw new ArgumentException(
                $"The architecture covers {architecture.Cells.Length} cell keys but the model has {Groups.Length}.", nameof(architecture));
        for (int g = 0; g < Groups.Length; g++)
            foreach (var cell in Groups[g].Cells)
            {
                cell.Relaxation = null;
                cell.Architecture = architecture.Cells[g];
            }
    }

    /// <summary>Makes every cell run its continuous relaxation with <paramref name="relaxation"/>.</summary>
    public void Relax(IRelaxation relaxation)
    {
        foreach (var group in Groups)
            foreach (var cell in group.Cells)
                cell.Relaxation = relaxation;
    }
}
