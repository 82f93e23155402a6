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
/// a zero-mean baseline by default (<see cref="ParsecOptions.ScoreBaseline"/>).
/// </summary>
public sealed class ParsecStrategy : ISearchStrategy
{
    private SearchContext? context;
    private Adam? optimizer;

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
        optimizer?.Dispose();
        optimizer = optim.Adam(Distribution.Parameters, Options.ArchitectureLearningRate,
            Options.ArchitectureBeta1, Options.ArchitectureBeta2);
    }

    /// <inheritdoc />
    public StepFigures Step(SearchStep step)
    {
        var run = context ?? throw new InvalidOperationException("Call Initialize before Step.");
        bool learnsArchitecture = step.Index >= Options.ArchitectureWarmupSteps;
        // While π waits, its gradient is thrown away: scoring the samples on the held-out batch would be wasted passes.
        var estimate = Estimate(step.Training, learnsArchitecture ? step.Validation : null, run.Random, run.Evaluation, step.Index);
        if (learnsArchitecture) AscendArchitecture(estimate.ArchitectureGradient);
        return new StepFigures(estimate.Loss, estimate.Accuracy, estimate.EffectiveSampleSize, Entropy());
    }

    /// <summary>
    /// Draws K architectures and leaves Σ ω_s ∇ mean-loss_s in the weights' <c>.grad</c> (accumulated online, one
    /// architecture's graph at a time); returns the π gradient without applying it. <paramref name="architectureBatch"/>
    /// null means the training batch's weights also serve π.
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
        var architectureWeights = architectureBatch is null
            ? trainingWeights
            : HeldOutWeights(samples, architectureBatch, evaluation, step);
        double baseline = Options.ScoreBaseline ? 1.0 / samples.Length : 0.0;
        var gradient = ArchitectureGradient.Zero(Distribution);
        for (int s = 0; s < samples.Length; s++)
            Distribution.AddLogProbabilityGradient(samples[s], architectureWeights[s] - baseline, gradient);

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
    public void SaveState(BinaryWriter writer)
    {
        foreach (var choice in Distribution.Choices.SelectMany(group => group))
            foreach (double logit in choice.LogitValues()) writer.Write(logit);
        Optimizer.save_state_dict(writer);
    }

    /// <inheritdoc />
    public void LoadState(BinaryReader reader)
    {
        foreach (var choice in Distribution.Choices.SelectMany(group => group))
            choice.SetLogits(Enumerable.Range(0, choice.Rows * choice.Width).Select(_ => reader.ReadDouble()).ToArray());
        Optimizer.load_state_dict(reader);
    }

    private Adam Optimizer => optimizer ?? throw new InvalidOperationException("Call Initialize first.");

    /// <summary>Gradient ascent on the log evidence: Adam minimises, so it is handed −g.</summary>
    private void AscendArchitecture(ArchitectureGradient gradient)
    {
        using var scope = NewDisposeScope();
        for (int g = 0; g < Distribution.Choices.Length; g++)
            for (int c = 0; c < Distribution.Choices[g].Length; c++)
            {
                var logits = Distribution.Choices[g][c].Logits;
                logits.grad = tensor(gradient.Of(g, c).Select(v => -v).ToArray(), float64).reshape(logits.shape);
            }
        Optimizer.step();
    }

    private double[] HeldOutWeights(ImmutableArray<ModelArchitecture> samples, Batch batch, IEvaluation evaluation, int step)
    {
        var weights = new OnlineImportanceWeights();
        using var noGrad = no_grad();
        foreach (var sample in samples)
        {
            using var sampleScope = NewDisposeScope();
            Space.Select(sample);
            double summedLoss = evaluation.Evaluate(Space.Model, batch).SummedLoss.ToDouble();
            SearchDivergedException.ThrowIfNotFinite(summedLoss, step, () => sample.ToString(Space));
            weights.Add(-summedLoss / Options.LikelihoodTemperature, out _);
        }
        return weights.Weights();
    }

    private static void ScaleGradients(System.Collections.Generic.IEnumerable<Parameter> parameters, double factor)
    {
        using var noGrad = no_grad();
        foreach (var parameter in parameters)
            parameter.grad?.mul_(factor);
    }
}
