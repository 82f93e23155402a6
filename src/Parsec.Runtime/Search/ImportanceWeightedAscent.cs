using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Parsec.SearchSpace;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parsec.Search;

/// <summary>
/// PARSEC's update of π, shared by the weight-sharing <see cref="ParsecStrategy"/> and black-box PARSEC: from K
/// sampled architectures and their log-likelihoods ℓ_s, the self-normalised importance weights ω = softmax(ℓ), π's
/// gradient g = Σ (ω_s − b) ∇π log p(α_s|π) with the baseline b = 1/K (or 0 without <c>scoreBaseline</c>; see
/// <see cref="ParsecOptions.ScoreBaseline"/>), and Adam ascending g on the logits.
/// </summary>
internal sealed class ImportanceWeightedAscent : IDisposable
{
    private readonly double learningRate, beta1, beta2;
    private readonly bool scoreBaseline;
    private Adam optimizer;

    /// <summary>Creates the update of <paramref name="distribution"/>'s logits with a fresh Adam.</summary>
    public ImportanceWeightedAscent(ArchitectureDistribution distribution, double learningRate, double beta1, double beta2, bool scoreBaseline)
    {
        Distribution = distribution;
        (this.learningRate, this.beta1, this.beta2, this.scoreBaseline) = (learningRate, beta1, beta2, scoreBaseline);
        optimizer = NewOptimizer();
    }

    /// <summary>The distribution whose logits are learned.</summary>
    public ArchitectureDistribution Distribution { get; }

    /// <summary>
    /// ω and g for <paramref name="samples"/> with log-likelihoods <paramref name="logLikelihoods"/> (a constant
    /// offset of every ℓ cancels). Nothing is applied.
    /// </summary>
    public (double[] Weights, ArchitectureGradient Gradient) Estimate(
        IReadOnlyList<ModelArchitecture> samples, IReadOnlyList<double> logLikelihoods)
    {
        if (samples.Count != logLikelihoods.Count)
            throw new ArgumentException($"{samples.Count} samples but {logLikelihoods.Count} log-likelihoods.", nameof(logLikelihoods));
        var weights = OnlineImportanceWeights.Normalize(logLikelihoods);
        double baseline = scoreBaseline ? 1.0 / samples.Count : 0.0;
        var gradient = ArchitectureGradient.Zero(Distribution);
        for (int s = 0; s < samples.Count; s++)
            Distribution.AddLogProbabilityGradient(samples[s], weights[s] - baseline, gradient);
        return (weights, gradient);
    }

    /// <summary>One Adam step of gradient ascent on the log evidence: Adam minimises, so it is handed −g.</summary>
    public void Ascend(ArchitectureGradient gradient)
    {
        using var scope = NewDisposeScope();
        for (int g = 0; g < Distribution.Choices.Length; g++)
            for (int c = 0; c < Distribution.Choices[g].Length; c++)
            {
                var logits = Distribution.Choices[g][c].Logits;
                logits.grad = tensor(gradient.Of(g, c).Select(v => -v).ToArray(), float64).reshape(logits.shape);
            }
        optimizer.step();
    }

    /// <summary>Forgets Adam's moments: a new run starts from the current logits with a fresh optimizer.</summary>
    public void ResetOptimizer()
    {
        optimizer.Dispose();
        optimizer = NewOptimizer();
    }

    /// <summary>Writes the logits and Adam's state.</summary>
    public void SaveState(BinaryWriter writer)
    {
        foreach (var choice in Distribution.Choices.SelectMany(group => group))
            foreach (double logit in choice.LogitValues()) writer.Write(logit);
        optimizer.save_state_dict(writer);
    }

    /// <summary>Restores what <see cref="SaveState"/> wrote.</summary>
    public void LoadState(BinaryReader reader)
    {
        foreach (var choice in Distribution.Choices.SelectMany(group => group))
            choice.SetLogits(Enumerable.Range(0, choice.Rows * choice.Width).Select(_ => reader.ReadDouble()).ToArray());
        optimizer.load_state_dict(reader);
    }

    /// <inheritdoc />
    public void Dispose() => optimizer.Dispose();

    private Adam NewOptimizer() => optim.Adam(Distribution.Parameters, learningRate, beta1, beta2);
}
