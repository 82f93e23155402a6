namespace Parsec.Search;

/// <summary>One step of a run's history.</summary>
/// <param name="Step">The number of completed steps (1-based).</param>
/// <param name="Loss">The step's training loss.</param>
/// <param name="Accuracy">The step's training accuracy.</param>
/// <param name="EffectiveSampleSize">The step's effective sample size (see <see cref="StepOutcome"/>).</param>
/// <param name="Entropy">The entropy of the strategy's belief after the step, in nats.</param>
/// <param name="ElapsedSeconds">Wall time since the run began, across resumes.</param>
public sealed record StepRecord(int Step, double Loss, double Accuracy, double EffectiveSampleSize, double Entropy, double ElapsedSeconds);
