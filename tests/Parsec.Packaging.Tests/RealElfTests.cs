using System.IO;
using System.Linq;
using Parsec.Build;
using Xunit;

namespace Parsec.Packaging.Tests;

/// <summary>The readers against files the toolchain made: a g++-built shared library and the system libstdc++.</summary>
public sealed class RealElfTests
{
    private const ushort MachineX8664 = 62;

    [Fact]
    public void A_gxx_built_library_lists_its_libstdcxx_needs_and_is_left_untouched()
    {
        using var directory = new TemporaryDirectory("gxx");
        File.WriteAllText(directory.File("greeting.cpp"), "#include <iostream>\nvoid greet() { std::cout << \"hello\" << std::endl; }\n");
        string library = directory.File("libgreeting.so");
        ProcessRunner.Run("g++", new[] { "-shared", "-fPIC", "-o", library, "greeting.cpp" }, directory.Path);
        byte[] original = File.ReadAllBytes(library);

        var needs = ElfVersionNeeds.Read(ElfImage.Load(library));
        var outcome = GlibcxxMarkerNeedFix.Apply(library, _ => ElfVersionDefinitions.Read(ElfImage.Load(library)));

        Assert.Contains(needs, need => need.LibraryName == "libstdc++.so.6" && need.VersionName == "GLIBCXX_3.4" && !need.IsWeak);
        Assert.Contains(needs, need => need.LibraryName == "libc.so.6" && need.VersionName.StartsWith("GLIBC_2."));
        Assert.Equal(GlibcxxMarkerNeedFixOutcome.NotNeeded, outcome);
        Assert.Equal(original, File.ReadAllBytes(library));
    }

    [Fact]
    public void The_loaders_libstdcxx_is_found_and_its_version_definitions_read()
    {
        string? library = LoaderLibraryLocator.Find("libstdc++.so.6", MachineX8664);

        Assert.NotNull(library);
        var versions = ElfVersionDefinitions.Read(ElfImage.Load(library));
        Assert.Contains("GLIBCXX_3.4", versions);
        Assert.Contains("CXXABI_1.3", versions);
        Assert.DoesNotContain("libstdc++.so.6", versions);
        Assert.True(versions.Count(version => version.StartsWith("GLIBCXX_")) > 20);
    }

    [Fact]
    public void No_library_is_found_for_a_machine_nothing_here_is_built_for()
    {
        const ushort machineRiscV = 243;

        Assert.Null(LoaderLibraryLocator.Find("libstdc++.so.6", machineRiscV));
    }
}
