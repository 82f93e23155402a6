using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Parsec.Data;
using Parsec.SearchSpace;

namespace Parsec.Search.BlackBox;

/// <summary>
/// Regularized evolution (Real, Aggarwal, Huang and Le 2019). The population starts as
/// <see cref="PopulationSize"/> uniformly drawn architectures, proposed as one batch; then each cycle draws
/// <see cref="SampleSize"/> members uniformly with replacement, mutates the best of them (the earliest on a tie) by
/// changing exactly one choice (<see cref="Mutate"/>), proposes the child, and once it is told adds it and removes the
/// oldest member. Members rank by score less cost penalty. The recommendation is the best architecture told in the
/// whole run, which the ageing may have removed from the population.
/// </summary>
public sealed class RegularizedEvolution : IBlackBoxStrategy<BlackBoxRecommendation>
{
    private readonly ArchitectureDistribution uniform;
    private readonly ToldScores told = new();
    private readonly Queue<RankedArchitecture> population = new();
    private readonly ImmutableArray<(int Group, int Choice)> mutable;
    private SearchRandom? random;

    /// <summary>Creates the search. The defaults are NAS-Bench-201's comparison (Dong and Yang 2020): population 10, sample 3.</summary>
    /// <param name="space">The space to search.</param>
    /// <param name="populationSize">P, the architectures kept alive; at least 1.</param>
    /// <param name="sampleSize">S, the members drawn per cycle to choose the parent from; at least 1.</param>
    public RegularizedEvolution(ModelSearchSpace space, int populationSize = 10, int sampleSize = 3)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (populationSize < 1)
            throw new ArgumentOutOfRangeException(nameof(populationSize), populationSize, "The population holds at least one architecture: pass 1 or more.");
        if (sampleSize < 1)
            throw new ArgumentOutOfRangeException(nameof(sampleSize), sampleSize, "Each cycle samples at least one member: pass 1 or more.");
        Space = space;
        PopulationSize = populationSize;
        SampleSize = sampleSize;
        uniform = new ArchitectureDistribution(space);
        mutable = space.Groups
            .SelectMany((group, g) => group.Space.Choices.Select((choice, c) => (Choice: choice, Index: (g, c))))
            .Where(entry => entry.Choice.Cardinality > 1)
            .Select(entry => entry.Index)
            .ToImmutableArray();
    }

    /// <inheritdoc />
    public string Name => "regularized-evolution";

    /// <inheritdoc />
    public ModelSearchSpace Space { get; }

    /// <summary>P, the architectures kept alive.</summary>
    public int PopulationSize { get; }

    /// <summary>S, the members drawn per cycle.</summary>
    public int SampleSize { get; }

    /// <inheritdoc />
    public void Start(SearchRandom random, CostBudget? cost)
    {
        this.random = random;
        told.Clear();
        population.Clear();
    }

    /// <summary>
    /// While the population is short of <see cref="PopulationSize"/>, uniform draws to fill it; then one child. Empty
    /// when no choice of the space has two selections, so nothing can mutate.
    /// </summary>
    public IReadOnlyList<ModelArchitecture> Ask()
    {
        var draws = random ?? throw new InvalidOperationException("Call Start before Ask.");
        if (population.Count < PopulationSize)
            return Enumerable.Range(0, PopulationSize - population.Count).Select(_ => uniform.Sample(draws)).ToList();
        if (mutable.IsEmpty) return [];
        var members = population.ToList();
        var parent = Enumerable.Range(0, SampleSize).Select(_ => members[draws.NextInt(members.Count)])
            .Aggregate((best, member) => member.Score > best.Score ? member : best);
        return [Mutate(parent.Architecture, draws)];
    }

    /// <inheritdoc />
    public void Tell(IReadOnlyList<ModelArchitecture> architectures, IReadOnlyList<double> scores)
    {
        told.Add(architectures, scores);
        for (int i = 0; i < architectures.Count; i++)
        {
            population.Enqueue(new RankedArchitecture(architectures[i], scores[i]));
            if (population.Count > PopulationSize) population.Dequeue();
        }
    }

    /// <summary>The best architecture told in the run.</summary>
    public BlackBoxRecommendation Recommend() => told.BestRecommendation;

    /// <summary>
    /// <paramref name="parent"/> with exactly one choice changed, the choice drawn uniformly among those with more than
    /// one selection: an operation or value choice takes another option; an input choice changes one slot's input,
    /// to one no other slot takes when it is distinct (or, when every input is taken, swaps two slots).
    /// </summary>
    internal ModelArchitecture Mutate(ModelArchitecture parent, SearchRandom draws)
    {
        var (g, c) = mutable[draws.NextInt(mutable.Length)];
        var choice = Space.Groups[g].Space.Choices[c];
        var selection = parent.Cells[g].Selections[c].ToBuilder();
        int slot = draws.NextInt(selection.Count);
        var allowed = Enumerable.Range(0, choice.Options.Length)
            .Where(o => o != selection[slot] && !(choice.Distinct && selection.Contains(o)))
            .ToList();
        if (allowed.Count > 0)
            selection[slot] = allowed[draws.NextInt(allowed.Count)];
        else
        {
            int other = (slot + 1 + draws.NextInt(selection.Count - 1)) % selection.Count;
            (selection[slot], selection[other]) = (selection[other], selection[slot]);
        }
        var cell = new CellArchitecture(parent.Cells[g].Selections.SetItem(c, selection.ToImmutable()));
        return new ModelArchitecture(parent.Cells.SetItem(g, cell));
    }
}
