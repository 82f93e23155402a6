using System;
using Parsec.Search;

namespace Parsec.Runtime.Tests;

/// <summary>Reports synchronously on the search's thread (Progress&lt;T&gt; would post to the thread pool).</summary>
internal sealed class ProgressCallback(Action<StepRecord> report) : IProgress<StepRecord>
{
    public void Report(StepRecord value) => report(value);
}
