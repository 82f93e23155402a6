using System;
using System.Collections.Generic;
using System.Linq;
using Parsec.Runtime.Tests.TestCells;
using Parsec.Search;
using Parsec.SearchSpace;
using Xunit;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests;

/// <summary>A search reports each step synchronously, in order, on the thread that runs it.</summary>
[Collection(nameof(TorchGlobalState))]
public sealed class ProgressTests
{
    [Fact]
    public void Reports_arrive_in_step_order_on_the_calling_thread()
    {
        manual_seed(1);
        var strategy = new ParsecStrategy(ModelSearchSpace.Of(TestModel.Operation(4, 2)), new ParsecOptions { UseTrainingBatchForArchitecture = true });
        var search = new ArchitectureSearch(strategy, new SearchOptions { Steps = 20, BatchSize = 8, Seed = 1 });
        var reports = new List<(StepRecord Record, int Thread)>();
        var progress = new SynchronousProgress<StepRecord>(record => reports.Add((record, Environment.CurrentManagedThreadId)));

        var result = search.Run(Tasks.Identity(1, 64, 4, 2), progress: progress);

        Assert.Equal(Enumerable.Range(1, 20), reports.Select(report => report.Record.Step));
        Assert.All(reports, report => Assert.Equal(Environment.CurrentManagedThreadId, report.Thread));
        Assert.Equal(result.History, reports.Select(report => report.Record));
    }

    [Fact]
    public void A_handler_that_throws_ends_the_search_with_its_exception()
    {
        manual_seed(2);
        var strategy = new ParsecStrategy(ModelSearchSpace.Of(TestModel.Operation(4, 2)), new ParsecOptions { UseTrainingBatchForArchitecture = true });
        var search = new ArchitectureSearch(strategy, new SearchOptions { Steps = 20, BatchSize = 8, Seed = 2 });
        int lastStep = 0;
        var progress = new SynchronousProgress<StepRecord>(record =>
        {
            lastStep = record.Step;
            if (record.Step == 3) throw new TimeoutException("stop");
        });

        Assert.Throws<TimeoutException>(() => search.Run(Tasks.Identity(2, 64, 4, 2), progress: progress));
        Assert.Equal(3, lastStep);
    }

    [Fact]
    public void A_null_handler_is_refused() =>
        Assert.Throws<ArgumentNullException>(() => new SynchronousProgress<int>(null!));
}
