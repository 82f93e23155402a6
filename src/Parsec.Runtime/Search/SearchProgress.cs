using System;

namespace Parsec.Search;

/// <summary>Reported after every step.</summary>
/// <param name="Step">Completed steps.</param>
/// <param name="TotalSteps">The run's length.</param>
/// <param name="Loss">The step's training loss.</param>
/// <param name="Accuracy">The step's training accuracy.</param>
/// <param name="EffectiveSampleSize">The step's effective sample size.</param>
/// <param name="Entropy">The entropy of the strategy's belief, in nats.</param>
/// <param name="Elapsed">Wall time since the run began, across resumes.</param>
public sealed record SearchProgress(
    int Step, int TotalSteps, double Loss, double Accuracy, double EffectiveSampleSize, double Entropy, TimeSpan Elapsed);
