using System;
using System.IO;
using System.Linq;
using Parsec.SearchSpace;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Search;

/// <summary>
/// The random-sampling baseline with shared weights: one uniformly drawn architecture per step trains the weights;
/// nothing about the architecture is learned. The result ranks uniformly drawn candidates by held-out loss.
/// </summary>
public sealed class RandomSamplingStrategy : ISearchStrategy
{
    private readonly ArchitectureDistribution uniform;
    private SearchContext? context;

    /// <summary>Creates the baseline; <paramref name="candidates"/> architectures are scored at the end.</summary>
    public RandomSamplingStrategy(ModelSearchSpace space, int candidates = 16)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (candidates < 1) throw new ArgumentException("Score at least one candidate architecture.", nameof(candidates));
        Space = space;
        Candidates = candidates;
        uniform = new ArchitectureDistribution(space);
    }

    /// <inheritdoc />
    public string Name => "random";

    /// <inheritdoc />
    public ModelSearchSpace Space { get; }

    /// <summary>How many uniformly drawn architectures the result scores on held-out data.</summary>
    public int Candidates { get; }

    /// <inheritdoc />
    public bool NeedsValidationBatch => false;

    /// <inheritdoc />
    public void Initialize(SearchContext context) => this.context = context;

    /// <inheritdoc />
    public StepFigures Step(SearchStep step)
    {
        var run = context ?? throw new InvalidOperationException("Call Initialize before Step.");
        var architecture = uniform.Sample(run.Random);
        Space.Select(architecture);
        var result = run.Evaluation.Evaluate(Space.Model, step.Training);
        double summedLoss = result.SummedLoss.ToDouble();
        SearchDivergedException.ThrowIfNotFinite(summedLoss, step.Index, () => architecture.ToString(Space));
        result.SummedLoss.div(step.Training.Size).backward();
        return new StepFigures(summedLoss / step.Training.Size, (double)result.Correct / step.Training.Size, 1.0, Entropy());
    }

    /// <summary>The entropy of the uniform distribution over the space, in nats.</summary>
    public double Entropy() => uniform.Entropy();

    /// <inheritdoc />
    public SearchResult Summarize(int count, Func<ModelArchitecture, double> validationLoss)
    {
        var run = context ?? throw new InvalidOperationException("Call Initialize before Summarize.");
        var ranked = Enumerable.Range(0, Candidates).Select(_ => uniform.Sample(run.Random)).Distinct()
            .Select(architecture => new RankedArchitecture(architecture, -validationLoss(architecture)))
            .OrderByDescending(candidate => candidate.Score)
            .ToList();
        return new SearchResult(Name, Space, ranked[0].Architecture, ranked.Take(count).ToList(), uniform.Summaries());
    }

    /// <inheritdoc />
    public void SaveState(BinaryWriter writer)
    {
        // Nothing is learned; the sampling generator is checkpointed by the search.
    }

    /// <inheritdoc />
    public void LoadState(BinaryReader reader)
    {
    }
}
