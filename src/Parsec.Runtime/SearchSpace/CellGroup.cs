using System.Collections.Immutable;

namespace Parsec.SearchSpace;

/// <summary>
/// The cells that share one architecture distribution: every instance of a shared cell type, or one instance of a
/// cell type that is not shared.
/// </summary>
/// <param name="Key">The distribution key: the cell type, or <c>CellType@module.path</c> for an unshared cell.</param>
/// <param name="Space">The cells' search space.</param>
/// <param name="ModulePath">The module path of an unshared cell; null for a shared group.</param>
/// <param name="Cells">The cells, in <c>named_modules()</c> order.</param>
/// <param name="CellPaths">The cells' module paths, aligned with <paramref name="Cells"/>.</param>
public sealed record CellGroup(
    string Key,
    CellSearchSpace Space,
    string? ModulePath,
    ImmutableArray<ISearchCell> Cells,
    ImmutableArray<string> CellPaths)
{
    /// <summary>The distribution key of a cell type and (for an unshared cell) its module path.</summary>
    public static string KeyOf(CellSearchSpace space, string modulePath) =>
        space.SharedArchitecture ? space.CellType : $"{space.CellType}@{modulePath}";
}
