using System;
using System.Runtime.InteropServices;
using Parsec.Training;
using Xunit;

namespace Parsec.Training.Tests;

/// <summary>After <see cref="NativeAllocator.KeepFreedMemory"/>, glibc serves blocks of tens of megabytes from its heap.</summary>
public sealed class NativeAllocatorTests
{
    // glibc marks a chunk it got from mmap with this bit of the size word just before the block (malloc.c, IS_MMAPPED).
    private const long MmappedBit = 0x2;

    [Fact]
    public void It_takes_effect_on_linux_with_glibc_and_nowhere_else()
    {
        bool glibc = OperatingSystem.IsLinux() && !RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal);
        Assert.Equal(glibc, NativeAllocator.KeepFreedMemory());
    }

    [Fact]
    public void A_24_MiB_block_then_comes_from_the_heap_not_from_mmap()
    {
        if (!NativeAllocator.KeepFreedMemory()) return; // asserted by the test above
        // With glibc's defaults the first blocks of this size come from mmap (its threshold starts at 128 KiB and
        // adapts only to blocks already freed); only the settings' 32 MiB threshold puts it on the heap.
        IntPtr block = Marshal.AllocHGlobal(24 * 1024 * 1024);
        try
        {
            long sizeWord = Marshal.ReadInt64(block, -sizeof(long));
            Assert.Equal(0, sizeWord & MmappedBit);
        }
        finally
        {
            Marshal.FreeHGlobal(block);
        }
    }
}
