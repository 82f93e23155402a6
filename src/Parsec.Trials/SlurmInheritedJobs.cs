using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Parsec.Trials;

/// <summary>
/// The array jobs of an earlier driver still in the queue when this run started; pending until the last has been
/// out of the queue for <see cref="SlurmTrialOptions.ResultWait"/>, so that their last results can appear.
/// </summary>
internal sealed class SlurmInheritedJobs(IEnumerable<long> arrayJobIds, TimeSpan resultWait)
{
    private readonly HashSet<long> queued = [.. arrayJobIds];
    private readonly Stopwatch sinceLastLeft = new();

    public bool Pending => queued.Count > 0 || (sinceLastLeft.IsRunning && sinceLastLeft.Elapsed < resultWait);

    public void Update(IEnumerable<long> activeArrayJobIds)
    {
        if (queued.Count == 0) return;
        queued.IntersectWith(activeArrayJobIds);
        if (queued.Count == 0) sinceLastLeft.Start();
    }
}
