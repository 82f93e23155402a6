using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Parsec.Data;
using Parsec.SearchSpace;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parsec.Search;

/// <summary>
/// PARSEC (Casale, Gordon and Fusi 2019): a distribution p(α|π) over architectures, learned by importance-weighted
/// gradients of the log evidence. Each step draws K architectures and runs them one at a time, so only one
/// architecture's activations are alive; the weights get Σ ω_s ∇ mean-loss_s and π gets Σ ω_s ∇ log p(α_s|π), less
/// a zero-mean baseline by default (<see cref="ParsecOptions.ScoreBaseline"/>). With a <see cref="ParsecOptions.Cost"/>
/// budget, π's weights come from log-likelihoods less the cost penalty.
/// </summary>
public sealed class ParsecStrategy : ISearchStrategy
{
    private readonly ImportanceWeightedAscent ascent;
    private SearchContext? context;

    /// <summary>Creates the strategy with a uniform distribution; load a saved one through <see cref="Distribution"/> to warm-start.</summary>
    public ParsecStrategy(ModelSearchSpace space, ParsecOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        Options = options ?? new ParsecOptions();
        if (Options.Samples < 1)
            throw new ArgumentException($"ParsecOptions.Samples is {Options.Samples}: draw at least one architecture per step.", nameof(options));
        if (Options.ArchitectureWarmupSteps < 0)
            throw new ArgumentException("ParsecOptions.ArchitectureWarmupSteps cannot be negative.", nameof(options));
        if (!(Options.LikelihoodTemperature > 0))
            throw new ArgumentException("ParsecOptions.LikelihoodTemperature must be positive.", nameof(options));
        if (Options.ParameterFreeLimit < 0)
            throw new ArgumentException(
                $"ParsecOptions.ParameterFreeLimit is {Options.ParameterFreeLimit}: pass 0 or more, or null for the plain mode.", nameof(options));
        Space = space;
        Distribution = new ArchitectureDistribution(space);
        ascent = new ImportanceWeightedAscent(Distribution, Options.ArchitectureLearningRate,
            Options.ArchitectureBeta1, Options.ArchitectureBeta2, Options.ScoreBaseline);
    }

    /// <inheritdoc />
    public string Name => "parsec";

    /// <inheritdoc />
    public ModelSearchSpace Space { get; }

    /// <summary>The strategy's settings.</summary>
    public ParsecOptions Options { get; }

    /// <summary>The learned distribution p(α|π).</summary>
    public ArchitectureDistribution Distribution { get; }

    /// <inheritdoc />
    public bool NeedsValidationBatch => !Options.UseTrainingBatchForArchitecture;

    /// <inheritdoc />
    public void Initialize(SearchContext context)
    {
        this.context = context;
        ascent.ResetOptimizer();
    }

    /// <inheritdoc />
    public StepFigures Step(SearchStep step)
    {
        var run = context ?? throw new InvalidOperationException("Call Initialize before Step.");
        bool learnsArchitecture = step.Index >= Options.ArchitectureWarmupSteps;
        // While π waits, its gradient is thrown away: scoring the samples on the held-out batch would be wasted passes.
        var estimate = Estimate(step.Training, learnsArchitecture ? step.Validation : null, run.Random, run.Evaluation, step.Index);
        if (learnsArchitecture) ascent.Ascend(estimate.ArchitectureGradient);
        return new StepFigures(estimate.Loss, estimate.Accuracy, estimate.EffectiveSampleSize, Entropy());
    }

    /// <summary>
    /// Draws K architectures and leaves Σ ω_s ∇ mean-loss_s in the weights' <c>.grad</c> (accumulated online, one
    /// architecture's graph at a time); returns the π gradient without applying it. <paramref name="architectureBatch"/>
    /// null means the training batch's log-likelihoods also serve π. The cost penalty enters π's weights only: the
    /// weights' gradient stays the data fit of the sampled architectures, so the shared weights keep ranking every
    /// architecture π draws on its merit, and π, which draws over-budget architectures less, already steers training
    /// towards the budget.
    /// </summary>
    internal ParsecEstimate Estimate(Batch trainingBatch, Batch? architectureBatch, SearchRandom random, IEvaluation evaluation, int step)
    {
        var samples = Enumerable.Range(0, Options.Samples).Select(_ => Distribution.Sample(random)).ToImmutableArray();
        var parameters = Space.Model.parameters().ToList();
        var training = new OnlineImportanceWeights();
        var meanLosses = new double[samples.Length];
        var accuracies = new double[samples.Length];

        for (int s = 0; s < samples.Length; s++)
        {
            using var sampleScope = NewDisposeScope();
            Space.Select(samples[s]);
            var result = evaluation.Evaluate(Space.Model, trainingBatch);
            double summedLoss = result.SummedLoss.ToDouble();
            SearchDivergedException.ThrowIfNotFinite(summedLoss, step, () => samples[s].ToString(Space));
            double coefficient = training.Add(-summedLoss / Options.LikelihoodTemperature, out double rescale);
            if (rescale != 1.0) ScaleGradients(parameters, rescale);
            // Backward runs even when the coefficient underflows, so every used parameter gets a .grad.
            result.SummedLoss.mul(coefficient / trainingBatch.Size).backward();
            meanLosses[s] = summedLoss / trainingBatch.Size;
            accuracies[s] = (double)result.Correct / trainingBatch.Size;
        }
        ScaleGradients(parameters, 1.0 / training.Normalizer);

        var trainingWeights = training.Weights();
        var logLikelihoods = architectureBatch is null
            ? training.LogLikelihoods
            : HeldOutLogLikelihoods(samples, architectureBatch, evaluation, step);
        var penalised = Options.Cost is { } cost
            ? logLikelihoods.Select((logLikelihood, s) => logLikelihood - cost.PenaltyOf(samples[s])).ToList()
            : logLikelihoods;
        var (architectureWeights, gradient) = ascent.Estimate(samples, penalised);

        return new ParsecEstimate(samples, trainingWeights.ToImmutableArray(), architectureWeights.ToImmutableArray(), gradient,
            trainingWeights.Zip(meanLosses, (w, l) => w * l).Sum(), trainingWeights.Zip(accuracies, (w, a) => w * a).Sum());
    }

    /// <summary>The entropy of p(α|π) in nats.</summary>
    public double Entropy() => Distribution.Entropy();

    /// <inheritdoc />
    public SearchResult Summarize(int count, Func<ModelArchitecture, double> validationLoss) =>
        new(Name, Space, Options.ParameterFreeLimit is int limit ? Distribution.ModeWithParameterFreeLimit(limit) : Distribution.Mode(),
            Distribution.MostProbable(count), Distribution.Summaries());

    /// <inheritdoc />
    public void SaveState(BinaryWriter writer) => ascent.SaveState(writer);

    /// <inheritdoc />
    public void LoadState(BinaryReader reader) => ascent.LoadState(reader);

    private double[] HeldOutLogLikelihoods(ImmutableArray<ModelArchitecture> samples, Batch batch, IEvaluation evaluation, int step)
    {
        using var noGrad = no_grad();
        return samples.Select(sample =>
        {
            using var sampleScope = NewDisposeScope();
            Space.Select(sample);
            double summedLoss = evaluation.Evaluate(Space.Model, batch).SummedLoss.ToDouble();
            SearchDivergedException.ThrowIfNotFinite(summedLoss, step, () => sample.ToString(Space));
            return -summedLoss / Options.LikelihoodTemperature;
        }).ToArray();
    }

    private static void ScaleGradients(System.Collections.Generic.IEnumerable<Parameter> parameters, double factor)
    {
        using var noGrad = no_grad();
        foreach (var parameter in parameters)
            parameter.grad?.mul_(factor);
    }
}
