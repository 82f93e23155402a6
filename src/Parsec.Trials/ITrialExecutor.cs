using System;
using System.Collections.Generic;
using System.Threading;

namespace Parsec.Trials;

/// <summary>Runs independent trials as separate processes and collects their checked results.</summary>
public interface ITrialExecutor
{
    /// <summary>
    /// Runs every trial that has no valid result in the results directory yet, retrying a failed one up to the
    /// executor's limit while the others go on, and returns one outcome per trial in the order given.
    /// </summary>
    /// <param name="trials">The trials; their ids must be distinct.</param>
    /// <param name="progress">Told of each outcome as it is settled, one call at a time, not necessarily on the caller's thread.</param>
    /// <param name="cancellationToken">
    /// Stops the run: what it started is killed or cancelled, results already written stay, and the call throws
    /// <see cref="OperationCanceledException"/>.
    /// </param>
    /// <exception cref="ArgumentException">A trial id appears twice.</exception>
    /// <exception cref="System.IO.IOException">The results directory cannot be created or written; nothing was started.</exception>
    IReadOnlyList<TrialOutcome> Run(IReadOnlyList<TrialSpec> trials, IProgress<TrialOutcome>? progress, CancellationToken cancellationToken);
}
