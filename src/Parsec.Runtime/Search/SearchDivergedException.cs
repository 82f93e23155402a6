using System;

namespace Parsec.Search;

/// <summary>A loss became NaN or infinite; the last good checkpoint (if any) is left untouched.</summary>
public sealed class SearchDivergedException : ArithmeticException
{
    /// <summary>Creates the exception for <paramref name="step"/> and the architecture that diverged.</summary>
    public SearchDivergedException(int step, string architecture, double loss)
        : base($"Step {step}: the loss of architecture {architecture} is {loss}. " +
               "Lower the learning rate or check the candidates; the last good checkpoint is kept.")
    {
        Step = step;
        Architecture = architecture;
    }

    /// <summary>The step whose loss diverged (0-based).</summary>
    public int Step { get; }

    /// <summary>The sampled architecture, in readable form.</summary>
    public string Architecture { get; }

    /// <summary>Throws when <paramref name="loss"/> is not finite.</summary>
    public static void ThrowIfNotFinite(double loss, int step, Func<string> architecture)
    {
        if (!double.IsFinite(loss)) throw new SearchDivergedException(step, architecture(), loss);
    }
}
