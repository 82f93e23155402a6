using System;
using System.Threading;
using static TorchSharp.torch;

namespace Parsec.Training;

/// <summary>
/// Long-lived threads that run the parts of one job at the same time, each with its own number of torch threads.
/// torch keeps that number per calling thread (OpenMP's setting is per thread), so a worker set to one thread runs
/// its operations alone on its core, while the thread that created the workers keeps its own setting. The threads
/// live as long as this object: a new thread per job would start a new OpenMP team every step.
/// </summary>
public sealed class TorchWorkers : IDisposable
{
    private readonly Worker[] workers;

    /// <param name="count">Workers, at least one.</param>
    /// <param name="torchThreadsEach">torch's intra-op threads on each worker, at least one.</param>
    public TorchWorkers(int count, int torchThreadsEach)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "Create at least one worker.");
        if (torchThreadsEach < 1) throw new ArgumentOutOfRangeException(nameof(torchThreadsEach), torchThreadsEach, "Give each worker at least one torch thread.");
        // A worker's set_num_threads also becomes the default of every thread that has not used torch yet; reading
        // the count fixes this thread's own first, so it keeps its threads (it came out 1, not 2, without this).
        get_num_threads();
        workers = new Worker[count];
        for (int i = 0; i < count; i++) workers[i] = new Worker($"torch worker {i}", torchThreadsEach);
    }

    /// <summary>Workers.</summary>
    public int Count => workers.Length;

    /// <summary>Runs <c>part(i)</c> on worker i, all at once, and returns when every part has; rethrows the first failure.</summary>
    public void Run(Action<int> part)
    {
        for (int i = 0; i < workers.Length; i++)
        {
            int index = i;
            workers[i].Start(() => part(index));
        }
        Exception? failure = null;
        foreach (var worker in workers) failure ??= worker.Wait();
        if (failure is not null) throw new AggregateException("A torch worker failed.", failure);
    }

    /// <summary>Ends the worker threads.</summary>
    public void Dispose()
    {
        foreach (var worker in workers) worker.Dispose();
    }

    private sealed class Worker : IDisposable
    {
        private readonly Thread thread;
        private readonly SemaphoreSlim started = new(0), finished = new(0);
        private Action? job;
        private Exception? failure;
        private volatile bool stopping;

        public Worker(string name, int torchThreads)
        {
            thread = new Thread(() => Loop(torchThreads)) { IsBackground = true, Name = name };
            thread.Start();
        }

        public void Start(Action work)
        {
            job = work;
            failure = null;
            started.Release();
        }

        public Exception? Wait()
        {
            finished.Wait();
            return failure;
        }

        private void Loop(int torchThreads)
        {
            set_num_threads(torchThreads);
            while (true)
            {
                started.Wait();
                if (stopping) return;
                try { job!(); }
                catch (Exception exception) { failure = exception; }
                finished.Release();
            }
        }

        public void Dispose()
        {
            stopping = true;
            started.Release();
            thread.Join();
            started.Dispose();
            finished.Dispose();
        }
    }
}
