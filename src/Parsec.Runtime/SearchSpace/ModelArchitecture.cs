using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json.Nodes;

namespace Parsec.SearchSpace;

/// <summary>One architecture of a whole model: a <see cref="CellArchitecture"/> per group of a <see cref="ModelSearchSpace"/>.</summary>
public sealed class ModelArchitecture : IEquatable<ModelArchitecture>
{
    /// <summary>Creates an architecture from per-group cell architectures, aligned with <see cref="ModelSearchSpace.Groups"/>.</summary>
    public ModelArchitecture(ImmutableArray<CellArchitecture> cells) => Cells = cells;

    /// <summary>The cell architectures, aligned with the space's groups.</summary>
    public ImmutableArray<CellArchitecture> Cells { get; }

    /// <summary>A readable form: <c>Key{Act=Relu, Source=[a]}; ...</c>.</summary>
    public string ToString(ModelSearchSpace space) =>
        string.Join("; ", space.Groups.Select((group, g) => $"{group.Key}{{{Cells[g].ToString(group.Space)}}}"));

    /// <summary>The architecture as a JSON object keyed by distribution key.</summary>
    public JsonObject ToJson(ModelSearchSpace space)
    {
        var json = new JsonObject();
        for (int g = 0; g < space.Groups.Length; g++)
            json[space.Groups[g].Key] = Cells[g].ToJson(space.Groups[g].Space);
        return json;
    }

    /// <inheritdoc />
    public bool Equals(ModelArchitecture? other) =>
        other is not null && Cells.Length == other.Cells.Length && Cells.Zip(other.Cells, (a, b) => a.Equals(b)).All(same => same);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ModelArchitecture);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var cell in Cells) hash.Add(cell);
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(" ; ", Cells);
}
