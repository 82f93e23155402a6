using System;
using System.Runtime.InteropServices;

namespace Parsec.Training;

/// <summary>
/// Stops glibc's malloc from handing libtorch's buffers back to the kernel between training steps. Every step frees
/// and reallocates the same activation and gradient buffers, from a hundred kilobytes to a few megabytes. With its
/// defaults glibc serves many of them with <c>mmap</c> and trims its heap when they are freed, so the next step
/// faults the same pages back in and the kernel zeroes them again; after this call it keeps them (the
/// <c>allocator</c> benchmark in bench/README.md measures the difference). The cost: memory freed by torch stays in
/// the process (up to <see cref="KeptFreeBytes"/> of it) instead of going back to the system, so the resident size
/// stays near its peak.
/// </summary>
public static class NativeAllocator
{
    /// <summary>Blocks below this come from the heap, not <c>mmap</c>: glibc's own ceiling on 64-bit (32 MiB).</summary>
    public const int MmapThresholdBytes = 32 * 1024 * 1024;

    /// <summary>Free memory at the top of the heap that glibc keeps instead of returning it.</summary>
    public const int KeptFreeBytes = 1024 * 1024 * 1024;

    // mallopt's parameters, from glibc's malloc.h.
    private const int TrimThreshold = -1;
    private const int MmapThreshold = -3;

    /// <summary>
    /// Applies the settings to this process; call it first thing, before any training (calling it again is harmless).
    /// Both thresholds are set because the trim threshold alone switches off glibc's adaptive <c>mmap</c> threshold,
    /// leaving every block over 128 KiB to <c>mmap</c>, which is slower than the defaults.
    /// </summary>
    /// <returns>Whether the settings are in force: false off Linux, or on a C library without <c>mallopt</c> (musl).</returns>
    public static bool KeepFreedMemory()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return Mallopt(MmapThreshold, MmapThresholdBytes) == 1 && Mallopt(TrimThreshold, KeptFreeBytes) == 1;
        }
        catch (Exception error) when (error is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int Mallopt(int parameter, int value);
}
