using System.Collections.Generic;
using System.Linq;
using System.Text;
using Parsec.SearchSpace;

namespace Parsec.Search;

/// <summary>The outcome of <see cref="ArchitectureSearch.Run"/>.</summary>
/// <param name="Strategy">The strategy's name.</param>
/// <param name="Space">The searched space.</param>
/// <param name="Best">The recommended architecture (PARSEC: the mode of every choice, or its constrained mode under <see cref="ParsecOptions.ParameterFreeLimit"/>).</param>
/// <param name="Ranked">Alternatives, best first (PARSEC: the exact most probable architectures).</param>
/// <param name="Choices">Per-choice probabilities and entropies.</param>
public sealed record SearchResult(
    string Strategy,
    ModelSearchSpace Space,
    ModelArchitecture Best,
    IReadOnlyList<RankedArchitecture> Ranked,
    IReadOnlyList<ChoiceSummary> Choices)
{
    /// <summary>Every step's measurements, in order; empty until <see cref="ArchitectureSearch.Run"/> fills it.</summary>
    public IReadOnlyList<StepRecord> History { get; init; } = [];

    /// <summary>The run went on from a checkpoint of an earlier session (<see cref="SearchOptions.Resume"/>).</summary>
    public bool Resumed { get; init; }

    /// <summary>A readable report: the best architecture, the ranking and each choice's probabilities.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine($"{Strategy}: best {Best.ToString(Space)}");
        foreach (var ranked in Ranked) text.AppendLine($"  {ranked.Score,10:F4}  {ranked.Architecture.ToString(Space)}");
        foreach (var choice in Choices)
        {
            var rows = choice.Probabilities.Select(row =>
                string.Join(", ", row.Select((p, o) => $"{choice.Options[o]}={p:F3}")));
            text.AppendLine($"  {choice.Key}.{choice.Choice}: {string.Join(" | ", rows)} (entropy {choice.Entropy:F3})");
        }
        return text.ToString();
    }
}
