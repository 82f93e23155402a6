using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Parsec.Data;
using Parsec.SearchSpace;
using Parsec.Supernet;
using TorchSharp.Modules;

namespace Parsec.Search;

/// <summary>
/// The PARSEC prior p(α|π) over a model's architectures: independent categoricals, one per choice of every
/// distribution key of a <see cref="ModelSearchSpace"/>. Starts uniform.
/// </summary>
public sealed class ArchitectureDistribution
{
    /// <summary>Creates a uniform distribution over <paramref name="space"/>.</summary>
    public ArchitectureDistribution(ModelSearchSpace space)
    {
        Space = space;
        Choices = space.Groups
            .Select(group => group.Space.Choices.Select(choice => new ChoiceDistribution(choice)).ToImmutableArray())
            .ToImmutableArray();
    }

    /// <summary>The space the distribution covers.</summary>
    public ModelSearchSpace Space { get; }

    /// <summary>The per-choice distributions, indexed [group][choice].</summary>
    public ImmutableArray<ImmutableArray<ChoiceDistribution>> Choices { get; }

    /// <summary>Every logit tensor, for an optimizer.</summary>
    public IEnumerable<Parameter> Parameters => Choices.SelectMany(group => group.Select(choice => choice.Logits));

    /// <summary>Draws an architecture.</summary>
    public ModelArchitecture Sample(SearchRandom random) => Build(choice => choice.Sample(random));

    /// <summary>The most probable architecture: the mode of every choice.</summary>
    public ModelArchitecture Mode() => Build(choice => choice.Mode());

    /// <summary>
    /// The most probable architecture with the mode's inputs in which every distribution key keeps at most
    /// <paramref name="limit"/> operation choices on a parameter-free option (P-DARTS caps skip connections the same
    /// way). Only choices that offer both kinds on their input count. Where the mode has more, the choices that lose
    /// the least log-probability take their most probable option with weights instead; as the choices are
    /// independent, that is the exact constrained mode once the inputs are fixed.
    /// </summary>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="limit"/> is negative.</exception>
    public ModelArchitecture ModeWithParameterFreeLimit(int limit)
    {
        if (limit < 0)
            throw new System.ArgumentOutOfRangeException(nameof(limit), limit, "The parameter-free limit counts operation choices: pass 0 or more.");
        var parameterFree = ParameterFreeOptions.Of(Space);
        return new ModelArchitecture(Choices
            .Select((group, g) => new CellArchitecture(LimitedMode(group, g, parameterFree, limit)))
            .ToImmutableArray());
    }

    /// <summary>log p(α|π).</summary>
    public double LogProbability(ModelArchitecture architecture) =>
        Choices.Select((group, g) => group.Select((choice, c) => choice.LogProbability(architecture.Cells[g].Selections[c])).Sum()).Sum();

    /// <summary>Adds <paramref name="weight"/> × ∇π log p(α|π) to <paramref name="gradient"/>.</summary>
    internal void AddLogProbabilityGradient(ModelArchitecture architecture, double weight, ArchitectureGradient gradient)
    {
        for (int g = 0; g < Choices.Length; g++)
            for (int c = 0; c < Choices[g].Length; c++)
                Choices[g][c].AddLogProbabilityGradient(architecture.Cells[g].Selections[c], weight, gradient.Of(g, c));
    }

    /// <summary>The exact <paramref name="count"/> most probable architectures, best first.</summary>
    public IReadOnlyList<RankedArchitecture> MostProbable(int count)
    {
        var factors = Choices.SelectMany((group, g) => group.Select(choice =>
                (IReadOnlyList<((int Group, ImmutableArray<int> Selection), double)>)choice.MostProbable(count)
                    .Select(e => ((g, e.Selection), e.LogProbability)).ToList()))
            .ToList();
        return TopCombinations.Best(factors, count)
            .Select(combination => new RankedArchitecture(Assemble(combination.Parts), combination.LogProbability))
            .ToList();
    }

    /// <summary>The entropy of the whole distribution in nats (the sum over choices).</summary>
    public double Entropy() => Choices.Sum(group => group.Sum(choice => choice.Entropy()));

    /// <summary>Per-choice probabilities and entropies.</summary>
    public IReadOnlyList<ChoiceSummary> Summaries() =>
        Choices.SelectMany((group, g) => group.Select(choice => new ChoiceSummary(
                Space.Groups[g].Key, choice.Choice.Name, choice.Choice.Options,
                choice.Probabilities().Select(row => row.ToImmutableArray()).ToImmutableArray(), choice.Entropy())))
            .ToList();

    /// <summary>Writes the logits to a versioned JSON file keyed by cell key, choice name and option name (atomically).</summary>
    public void Save(string path) => DistributionFile.Save(this, path);

    /// <summary>
    /// Loads logits saved by <see cref="Save"/>. A file that does not match the model is an
    /// <see cref="System.ArgumentException"/> naming the first mismatching choice, and nothing is loaded; with
    /// <paramref name="allowPartial"/> the matching choices load, the others keep their logits, and the result lists both.
    /// </summary>
    public DistributionLoadResult Load(string path, bool allowPartial = false) => DistributionFile.Load(this, path, allowPartial);

    private static ImmutableArray<ImmutableArray<int>> LimitedMode(
        ImmutableArray<ChoiceDistribution> group, int g, ParameterFreeOptions parameterFree, int limit)
    {
        var selections = group.Select(choice => choice.Mode()).ToArray();
        // Switching operations never changes an input, so the architecture that says which input a slot reads is fixed.
        var mode = new CellArchitecture(selections.ToImmutableArray());
        var switches = Enumerable.Range(0, group.Length)
            .Where(c => parameterFree.IsMixed(g, mode, c) && parameterFree.IsParameterFree(g, mode, c, selections[c][0]))
            .Select(c =>
            {
                var logits = group[c].LogitValues();
                int withWeights = Enumerable.Range(0, logits.Length)
                    .Where(o => !parameterFree.IsParameterFree(g, mode, c, o))
                    .MaxBy(o => logits[o]);
                return (Choice: c, Option: withWeights, Cost: logits[selections[c][0]] - logits[withWeights]);
            })
            .OrderBy(change => change.Cost).ThenBy(change => change.Choice)
            .ToList();
        foreach (var change in switches.Take(switches.Count - limit))
            selections[change.Choice] = ImmutableArray.Create(change.Option);
        return selections.ToImmutableArray();
    }

    private ModelArchitecture Build(System.Func<ChoiceDistribution, ImmutableArray<int>> select) =>
        new(Choices.Select(group => new CellArchitecture(group.Select(select).ToImmutableArray())).ToImmutableArray());

    private ModelArchitecture Assemble(IEnumerable<(int Group, ImmutableArray<int> Selection)> parts)
    {
        var selections = Choices.Select(_ => new List<ImmutableArray<int>>()).ToArray();
        foreach (var (group, selection) in parts) selections[group].Add(selection);
        return new ModelArchitecture(selections.Select(s => new CellArchitecture(s.ToImmutableArray())).ToImmutableArray());
    }
}
