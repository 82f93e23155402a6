namespace Parsec.SearchSpace;

/// <summary>
/// A module whose structure is chosen at run time. The generator implements it for every
/// <see cref="SearchCellAttribute"/> class; a runtime strategy drives it.
/// </summary>
public interface ISearchCell
{
    /// <summary>The cell's search space (the same object for every instance of a class).</summary>
    CellSearchSpace SearchSpace { get; }

    /// <summary>
    /// The architecture forward runs: only the chosen candidates execute, so a forward and backward cost what the
    /// chosen architecture alone costs. Setting an architecture that does not fit the space throws.
    /// </summary>
    CellArchitecture? Architecture { get; set; }

    /// <summary>
    /// When set, forward runs the continuous relaxation instead (a weighted sum over all candidates, DARTS);
    /// value choices then use <see cref="Architecture"/>'s value, or the first value when none is set.
    /// </summary>
    IRelaxation? Relaxation { get; set; }
}
