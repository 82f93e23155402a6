using System;
using System.Collections.Immutable;
using System.Linq;
using Parsec.SearchSpace;

namespace Parsec.Export.Tests.Infrastructure;

/// <summary>Architectures for tests: drawn uniformly with a seed, or written by option name.</summary>
public static class Architectures
{
    /// <summary>A uniformly drawn architecture of <paramref name="space"/>.</summary>
    public static ModelArchitecture Random(ModelSearchSpace space, int seed)
    {
        var random = new Random(seed);
        return new ModelArchitecture(space.Groups.Select(group => new CellArchitecture(group.Space.Choices
            .Select(choice => choice.Kind == ChoiceKind.Input
                ? Draw(random, choice.Options.Length, choice.Count, choice.Distinct)
                : ImmutableArray.Create(random.Next(choice.Options.Length)))
            .ToImmutableArray())).ToImmutableArray());
    }

    /// <summary>
    /// An architecture read from a JSON object keyed by distribution key (the form of <see cref="ModelArchitecture.ToJson"/>).
    /// </summary>
    public static ModelArchitecture Parse(ModelSearchSpace space, string json)
    {
        var cells = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(json)!;
        return new ModelArchitecture(space.Groups
            .Select(group => CellArchitecture.FromJson(group.Space, (System.Text.Json.Nodes.JsonObject)cells[group.Key]!))
            .ToImmutableArray());
    }

    /// <summary>An architecture of one <see cref="TestCells.UnsharedCell"/>: the indices of its Act candidate and its Scale value.</summary>
    public static CellArchitecture Unshared(int act, int scale) =>
        new(ImmutableArray.Create(ImmutableArray.Create(act), ImmutableArray.Create(scale)));

    private static ImmutableArray<int> Draw(Random random, int options, int count, bool distinct)
    {
        if (!distinct) return Enumerable.Range(0, count).Select(_ => random.Next(options)).ToImmutableArray();
        return Enumerable.Range(0, options).OrderBy(_ => random.Next()).Take(count).ToImmutableArray();
    }
}
