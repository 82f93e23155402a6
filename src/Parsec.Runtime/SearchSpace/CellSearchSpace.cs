using System;
using System.Collections.Immutable;
using System.Linq;

namespace Parsec.SearchSpace;

/// <summary>The search space of one search cell class, emitted by the generator as a static descriptor.</summary>
/// <param name="CellType">The cell's fully qualified type name, without <c>global::</c>; keys distributions.</param>
/// <param name="SharedArchitecture">Whether all instances share one architecture (see <see cref="SearchCellAttribute"/>).</param>
/// <param name="Choices">Every choice, in declaration order (families expanded slot by slot).</param>
/// <param name="Source">The cell's own source, for the exporter.</param>
public sealed record CellSearchSpace(
    string CellType,
    bool SharedArchitecture,
    ImmutableArray<Choice> Choices,
    SourceCapture Source)
{
    /// <summary>The number of architectures of one cell: the product of the choices' cardinalities.</summary>
    public double Size => Choices.Aggregate(1.0, (product, choice) => product * choice.Cardinality);

    /// <summary>The index of the choice named <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name)
    {
        for (int i = 0; i < Choices.Length; i++)
            if (Choices[i].Name == name) return i;
        return -1;
    }

    /// <summary>Value equality that compares the choices element by element.</summary>
    public bool Equals(CellSearchSpace? other) =>
        other is not null
        && CellType == other.CellType && SharedArchitecture == other.SharedArchitecture
        && Choices.AsSpan().SequenceEqual(other.Choices.AsSpan()) && Source.Equals(other.Source);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(CellType, Choices.Length);
}
