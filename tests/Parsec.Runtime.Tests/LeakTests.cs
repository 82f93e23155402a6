using System;
using System.IO;
using System.Linq;
using Parsec.Runtime.Tests.TestCells;
using Parsec.Search;
using Parsec.SearchSpace;
using TorchSharp;
using Xunit;
using Xunit.Abstractions;

namespace Parsec.Runtime.Tests;

/// <summary>Every step runs in a dispose scope: no tensor and no native memory accumulates over 1,000 steps.</summary>
[Collection(nameof(TorchGlobalState))]
public sealed class LeakTests(ITestOutputHelper output)
{
    [Fact]
    public void MemoryAfterAThousandStepsGrowsByAtMostTenPercentOverAfterAHundred()
    {
        var strategy = new ParsecStrategy(ModelSearchSpace.Of(TestModel.Operation(8, 4)),
            new ParsecOptions { UseTrainingBatchForArchitecture = true });
        long rssAt100 = 0, rssAt1000 = 0, liveAt100 = 0, liveAt1000 = 0, heapAt100 = 0, heapAt1000 = 0;
        var progress = new SynchronousProgress<StepRecord>(p =>
        {
            if (p.Step != 100 && p.Step != 1000) return;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long rss = ResidentBytes(), live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            if (p.Step == 100) (rssAt100, liveAt100, heapAt100) = (rss, live, NativeHeapInUseBytes());
            else (rssAt1000, liveAt1000, heapAt1000) = (rss, live, NativeHeapInUseBytes());
        });
        new ArchitectureSearch(strategy, new SearchOptions { Steps = 1000, BatchSize = 16, Seed = 1 })
            .Run(Tasks.Identity(1, 256, 8, 4), progress: progress);
        output.WriteLine($"RSS {rssAt100:N0} → {rssAt1000:N0} bytes; malloc in use {heapAt100:N0} → {heapAt1000:N0} bytes; live tensors {liveAt100} → {liveAt1000}");

        Assert.Equal(liveAt100, liveAt1000);
        // The bytes malloc has handed out do not depend on when freed memory goes back to the system: they must stay
        // within 10% either way. The resident size may shrink: after the other tests, the runtime gives back memory
        // they freed while these steps run, so its lower bound only checks that the figures are read at all.
        Assert.InRange(heapAt1000, 0.9 * heapAt100, 1.1 * heapAt100);
        Assert.InRange(rssAt1000, 0.5 * rssAt100, 1.1 * rssAt100);
    }

    /// <summary>Bytes malloc has handed out and not had back, over every arena and mmapped block (glibc's mallinfo2).</summary>
    private static long NativeHeapInUseBytes()
    {
        var info = MallInfo2();
        return (long)(info.InUseOrdinaryBytes + info.MmappedBytes);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mallinfo2")]
    private static extern MallocInfo MallInfo2();

    // glibc's struct mallinfo2, field by field (malloc.h).
    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private readonly struct MallocInfo
    {
        public readonly nuint Arena, OrdinaryBlocks, FastBins, MmappedBlocks, MmappedBytes, MaxTotalAllocated, FastBinBytes,
            InUseOrdinaryBytes, FreeOrdinaryBytes, TopReleasableBytes;
    }

    private static long ResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }
}
