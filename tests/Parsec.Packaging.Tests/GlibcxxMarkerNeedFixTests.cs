using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using Parsec.Build;
using Xunit;

namespace Parsec.Packaging.Tests;

[SupportedOSPlatform("linux")]
public sealed class GlibcxxMarkerNeedFixTests : IDisposable
{
    private static readonly ISet<string> Gcc12Versions = new HashSet<string> { "GLIBCXX_3.4", "GLIBCXX_3.4.29", "GLIBCXX_3.4.30", "CXXABI_1.3" };
    private static readonly ISet<string> Gcc13Versions = new HashSet<string>(Gcc12Versions) { "GLIBCXX_3.4.31", "GLIBCXX_3.4.32" };

    private readonly TemporaryDirectory directory = new("elf");

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Weakening_sets_only_the_weak_bit_of_the_GLIBCXX_3_4_32_need()
    {
        var (original, flagsOffsets) = LikeLibTorchSharp().Build();
        string path = Write("libLibTorchSharp.so", original);

        var outcome = GlibcxxMarkerNeedFix.Apply(path, _ => Gcc12Versions);

        Assert.Equal(GlibcxxMarkerNeedFixOutcome.Weakened, outcome);
        byte[] patched = File.ReadAllBytes(path);
        long flagsOffset = flagsOffsets["libstdc++.so.6/GLIBCXX_3.4.32"];
        var changed = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToArray();
        Assert.Equal(new[] { (int)flagsOffset }, changed);
        Assert.Equal(original[flagsOffset] | 0x2, patched[flagsOffset]);
        var needs = ElfVersionNeeds.Read(ElfImage.Load(path));
        Assert.True(needs.Single(n => n.VersionName == "GLIBCXX_3.4.32").IsWeak);
        Assert.All(needs.Where(n => n.VersionName != "GLIBCXX_3.4.32"), n => Assert.False(n.IsWeak));
    }

    [Fact]
    public void A_second_run_changes_nothing()
    {
        string path = Write("libLibTorchSharp.so", LikeLibTorchSharp().Build().Bytes);
        GlibcxxMarkerNeedFix.Apply(path, _ => Gcc12Versions);
        byte[] afterFirst = File.ReadAllBytes(path);
        DateTime timeAfterFirst = File.GetLastWriteTimeUtc(path);

        var outcome = GlibcxxMarkerNeedFix.Apply(path, _ => Gcc12Versions);

        Assert.Equal(GlibcxxMarkerNeedFixOutcome.AlreadyWeak, outcome);
        Assert.Equal(afterFirst, File.ReadAllBytes(path));
        Assert.Equal(timeAfterFirst, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void A_system_that_provides_the_version_leaves_the_file_untouched()
    {
        byte[] original = LikeLibTorchSharp().Build().Bytes;
        string path = Write("libLibTorchSharp.so", original);

        Assert.Equal(GlibcxxMarkerNeedFixOutcome.ProvidedBySystem, GlibcxxMarkerNeedFix.Apply(path, _ => Gcc13Versions));
        Assert.Equal(original, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_system_without_libstdcxx_leaves_the_file_untouched()
    {
        byte[] original = LikeLibTorchSharp().Build().Bytes;
        string path = Write("libLibTorchSharp.so", original);

        Assert.Equal(GlibcxxMarkerNeedFixOutcome.SystemLibraryNotFound, GlibcxxMarkerNeedFix.Apply(path, _ => null));
        Assert.Equal(original, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_file_without_the_need_is_untouched()
    {
        byte[] original = new VersionNeedElfBuilder().Need("libstdc++.so.6", "GLIBCXX_3.4").Need("libc.so.6", "GLIBC_2.2.5").Build().Bytes;
        string path = Write("libOther.so", original);

        Assert.Equal(GlibcxxMarkerNeedFixOutcome.NotNeeded, GlibcxxMarkerNeedFix.Apply(path, _ => Gcc12Versions));
        Assert.Equal(original, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_hard_linked_copy_is_replaced_so_the_other_link_keeps_its_bytes()
    {
        byte[] original = LikeLibTorchSharp().Build().Bytes;
        string cached = Write("cached.so", original);
        string output = directory.File("libLibTorchSharp.so");
        ProcessRunner.Run("ln", new[] { cached, output }, directory.Path);

        Assert.Equal(GlibcxxMarkerNeedFixOutcome.Weakened, GlibcxxMarkerNeedFix.Apply(output, _ => Gcc12Versions));
        Assert.Equal(original, File.ReadAllBytes(cached));
        Assert.NotEqual(original, File.ReadAllBytes(output));
    }

    [Fact]
    public void Patching_keeps_the_timestamp_and_permissions_so_incremental_copies_skip_the_file()
    {
        string path = Write("libLibTorchSharp.so", LikeLibTorchSharp().Build().Bytes);
        var time = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, time);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead);

        GlibcxxMarkerNeedFix.Apply(path, _ => Gcc12Versions);

        Assert.Equal(time, File.GetLastWriteTimeUtc(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
        Assert.Single(Directory.GetFiles(directory.Path));
    }

    [Fact]
    public void A_file_that_is_not_ELF_is_reported_and_left_untouched()
    {
        byte[] original = "#!/bin/sh\necho not a library\n"u8.ToArray();
        string path = Write("libLibTorchSharp.so", original);

        var error = Assert.Throws<ElfFormatException>(() => GlibcxxMarkerNeedFix.Apply(path, _ => Gcc12Versions));

        Assert.Contains(path, error.Message);
        Assert.Contains("does not start with an ELF header", error.Message);
        Assert.Equal(original, File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData(40)]
    [InlineData(100)]
    [InlineData(-20)]
    public void A_truncated_file_is_reported_and_left_untouched(int length)
    {
        byte[] whole = LikeLibTorchSharp().Build().Bytes;
        byte[] truncated = whole.Take(length > 0 ? length : whole.Length + length).ToArray();
        string path = Write("libLibTorchSharp.so", truncated);

        var error = Assert.Throws<ElfFormatException>(() => GlibcxxMarkerNeedFix.Apply(path, _ => Gcc12Versions));

        Assert.Contains("is not an ELF file this patcher understands", error.Message);
        Assert.Equal(truncated, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_need_chain_that_leaves_its_section_is_reported_and_left_untouched()
    {
        var (bytes, flagsOffsets) = LikeLibTorchSharp().Build();
        long vernaNext = flagsOffsets["libstdc++.so.6/GLIBCXX_3.4"] + 8;
        BitConverter.GetBytes(0x7fff0000u).CopyTo(bytes, vernaNext);
        string path = Write("libLibTorchSharp.so", bytes);

        var error = Assert.Throws<ElfFormatException>(() => GlibcxxMarkerNeedFix.Apply(path, _ => Gcc12Versions));

        Assert.Contains("Vernaux", error.Message);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_32_bit_ELF_is_reported_as_unsupported()
    {
        byte[] bytes = LikeLibTorchSharp().Build().Bytes;
        bytes[4] = 1;
        string path = Write("libLibTorchSharp.so", bytes);

        var error = Assert.Throws<ElfFormatException>(() => GlibcxxMarkerNeedFix.Apply(path, _ => Gcc12Versions));

        Assert.Contains("only ELF64 little-endian", error.Message);
    }

    private static VersionNeedElfBuilder LikeLibTorchSharp() => new VersionNeedElfBuilder()
        .Need("libstdc++.so.6", "GLIBCXX_3.4")
        .Need("libstdc++.so.6", "GLIBCXX_3.4.32")
        .Need("libstdc++.so.6", "CXXABI_1.3")
        .Need("libc.so.6", "GLIBC_2.2.5");

    private string Write(string name, byte[] bytes)
    {
        string path = directory.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
