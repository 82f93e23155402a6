namespace Parsec.Search;

/// <summary>One step of a run: kept in <see cref="SearchResult.History"/> and reported to the run's progress as it ends.</summary>
/// <param name="Step">The number of completed steps (1-based).</param>
/// <param name="Figures">What the step measured.</param>
/// <param name="ElapsedSeconds">Wall time since the run began, across resumes.</param>
public sealed record StepRecord(int Step, StepFigures Figures, double ElapsedSeconds);
