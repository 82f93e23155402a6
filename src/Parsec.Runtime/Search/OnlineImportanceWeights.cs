using System;
using System.Collections.Generic;
using System.Linq;

namespace Parsec.Search;

/// <summary>
/// Self-normalised importance weights ω = softmax(ℓ) built one sample at a time with a running max m and running
/// sum S, so each sample's contribution (scaled by exp(ℓ_s − m)) can be accumulated and forgotten immediately.
/// </summary>
internal sealed class OnlineImportanceWeights
{
    private readonly List<double> logLikelihoods = new();

    /// <summary>The running max m of the log-likelihoods.</summary>
    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>The running sum S = Σ exp(ℓ_s − m).</summary>
    public double Normalizer { get; private set; }

    /// <summary>
    /// Adds ℓ and returns its coefficient c = exp(ℓ − m). When ℓ raises the max, everything accumulated so far must
    /// be multiplied by <paramref name="rescale"/> = exp(m_old − ℓ) (1 otherwise).
    /// </summary>
    public double Add(double logLikelihood, out double rescale)
    {
        rescale = 1.0;
        if (logLikelihood > Max)
        {
            if (!double.IsNegativeInfinity(Max))
            {
                rescale = Math.Exp(Max - logLikelihood);
                Normalizer *= rescale;
            }
            Max = logLikelihood;
        }
        double coefficient = Math.Exp(logLikelihood - Max);
        Normalizer += coefficient;
        logLikelihoods.Add(logLikelihood);
        return coefficient;
    }

    /// <summary>The log-likelihoods added, in order.</summary>
    public IReadOnlyList<double> LogLikelihoods => logLikelihoods;

    /// <summary>The normalised weights, in the order the samples were added.</summary>
    public double[] Weights() => logLikelihoods.Select(l => Math.Exp(l - Max) / Normalizer).ToArray();

    /// <summary>ω = softmax(<paramref name="logLikelihoods"/>), computed stably.</summary>
    public static double[] Normalize(IEnumerable<double> logLikelihoods)
    {
        var weights = new OnlineImportanceWeights();
        foreach (double logLikelihood in logLikelihoods) weights.Add(logLikelihood, out _);
        return weights.Weights();
    }

    /// <summary>The effective sample size 1 / Σ ω².</summary>
    public static double EffectiveSampleSize(IEnumerable<double> weights) => 1.0 / weights.Sum(w => w * w);
}
