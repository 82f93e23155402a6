using System;
using System.Runtime;

namespace Parsec.Search;

/// <summary>
/// Holds off garbage collection while a training step runs, so that a collection only happens between steps.
/// TorchSharp 0.107 turns a number passed where torch takes a <c>Scalar</c> (BatchNorm's step count, an optimizer's
/// learning rate, a loss's divisor) into a <c>Scalar</c> object that only its finalizer frees, and does not keep it
/// alive during the native call that reads it. A collection during that call can free it mid-read, and torch then
/// fails with "Expected false to be true ... Scalar.h" (seen in a search step and in BatchNorm's forward, on a loaded
/// machine; more threads calling torch make it likelier). Between steps no such call is in flight.
/// </summary>
public sealed class CollectionPause : IDisposable
{
    /// <summary>Far more than a training step of a small network allocates on the managed heap.</summary>
    private const long AllocationBudget = 64L * 1024 * 1024;

    private readonly bool started;

    private CollectionPause(bool started) => this.started = started;

    /// <summary>
    /// Starts a pause. The runtime makes room for the budget without a full collection. Within another pause (or if
    /// the runtime refuses one) it does nothing: the outer pause covers the step.
    /// </summary>
    public static CollectionPause Begin()
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) return new CollectionPause(false);
        try
        {
            return new CollectionPause(GC.TryStartNoGCRegion(AllocationBudget, disallowFullBlockingGC: true));
        }
        catch (InvalidOperationException)
        {
            return new CollectionPause(false); // another thread started one meanwhile
        }
        catch (ArgumentOutOfRangeException)
        {
            return new CollectionPause(false); // a heap limit smaller than the budget: run unprotected rather than fail
        }
    }

    /// <summary>Ends the pause, unless the step outgrew the budget, which ended it with a collection already.</summary>
    public void Dispose()
    {
        if (!started || GCSettings.LatencyMode != GCLatencyMode.NoGCRegion) return;
        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The budget ran out inside the step and the runtime collected: nothing left to end.
        }
    }
}
