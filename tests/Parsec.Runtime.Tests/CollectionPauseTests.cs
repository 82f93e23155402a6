using System;
using System.Runtime;
using Parsec.Search;
using Xunit;

namespace Parsec.Runtime.Tests;

/// <summary>No garbage collection runs inside a training step's pause, and a nested pause leaves the outer one alone.</summary>
// The pause is process-wide: run alone, never beside a test that allocates or pauses.
[Collection(nameof(TorchGlobalState))]
public sealed class CollectionPauseTests
{
    [Fact]
    public void Allocating_inside_a_pause_triggers_no_collection_and_the_pause_ends_on_dispose()
    {
        int before;
        using (CollectionPause.Begin())
        {
            before = GC.CollectionCount(0);
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            Garbage(megabytes: 16);
            Assert.Equal(before, GC.CollectionCount(0));
        }

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        Garbage(megabytes: 256);
        Assert.True(GC.CollectionCount(0) > before, "collections resume after the pause");
    }

    [Fact]
    public void A_nested_pause_leaves_the_outer_one_in_force()
    {
        using var outer = CollectionPause.Begin();
        using (CollectionPause.Begin())
        {
        }

        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    /// <summary>Allocates and drops small arrays, as a step's tensor wrappers do.</summary>
    private static void Garbage(int megabytes)
    {
        for (int i = 0; i < megabytes * 1024; i++) GC.KeepAlive(new byte[1000]);
    }
}
