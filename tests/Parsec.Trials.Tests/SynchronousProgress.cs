using System;

namespace Parsec.Trials.Tests;

/// <summary>A progress that calls its handler at once, on the reporting thread.</summary>
public sealed class SynchronousProgress(Action<TrialOutcome> handler) : IProgress<TrialOutcome>
{
    public void Report(TrialOutcome value) => handler(value);
}
