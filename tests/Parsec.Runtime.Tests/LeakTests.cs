using System;
using System.IO;
using System.Linq;
using Parsec.Runtime.Tests.TestCells;
using Parsec.Search;
using TorchSharp;
using Xunit;
using Xunit.Abstractions;

namespace Parsec.Runtime.Tests;

/// <summary>Every step runs in a dispose scope: no tensor and no native memory accumulates over 1,000 steps.</summary>
[Collection(nameof(TorchGlobalState))]
public sealed class LeakTests(ITestOutputHelper output)
{
    [Fact]
    public void MemoryAfterAThousandStepsIsWithinTenPercentOfAfterAHundred()
    {
        var strategy = new ParsecStrategy(ModelSearchSpace.Of(TestModel.Operation(8, 4)),
            new ParsecOptions { UseTrainingBatchForArchitecture = true });
        long rssAt100 = 0, rssAt1000 = 0, liveAt100 = 0, liveAt1000 = 0;
        var progress = new ProgressCallback(p =>
        {
            if (p.Step != 100 && p.Step != 1000) return;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long rss = ResidentBytes(), live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            if (p.Step == 100) (rssAt100, liveAt100) = (rss, live);
            else (rssAt1000, liveAt1000) = (rss, live);
        });
        new ArchitectureSearch(strategy, new SearchOptions { Steps = 1000, BatchSize = 16, Seed = 1 })
            .Run(Tasks.Identity(1, 256, 8, 4), progress: progress);
        output.WriteLine($"RSS {rssAt100:N0} → {rssAt1000:N0} bytes; live tensors {liveAt100} → {liveAt1000}");

        Assert.Equal(liveAt100, liveAt1000);
        Assert.InRange(rssAt1000, 0.9 * rssAt100, 1.1 * rssAt100);
    }

    private static long ResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }
}
