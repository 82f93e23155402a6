using System;

namespace Parsec.Search;

/// <summary>
/// An <see cref="IProgress{T}"/> that runs its handler inside <see cref="Report"/>, on the reporting thread. Unlike
/// <see cref="Progress{T}"/>, which posts each report to the synchronization context captured when it was built (the
/// thread pool in a console app or a test), the handler sees every report in order, before the reporter goes on; it
/// should be quick, as the reporter waits for it. Use it for <see cref="ArchitectureSearch.Run"/>'s progress to record
/// or stop a search at a given step.
/// </summary>
/// <typeparam name="T">The reported value.</typeparam>
public sealed class SynchronousProgress<T> : IProgress<T>
{
    private readonly Action<T> handler;

    /// <summary>Reports to <paramref name="handler"/>.</summary>
    public SynchronousProgress(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        this.handler = handler;
    }

    /// <summary>Calls the handler with <paramref name="value"/> and returns when it does; its exceptions propagate to the reporter.</summary>
    public void Report(T value) => handler(value);
}
