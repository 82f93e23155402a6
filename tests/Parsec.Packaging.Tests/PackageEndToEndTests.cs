using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Parsec.Build;
using Xunit;

namespace Parsec.Packaging.Tests;

/// <summary>
/// Packs Parsec.Attributes, Parsec.TorchSharpLoadFix and Parsec.Runtime into a local feed, then builds, runs and
/// publishes a fresh console project that references only the Parsec.Runtime package: the generator must arrive
/// through Parsec.Attributes and TorchSharp must load, through the fix package's buildTransitive targets, on this machine.
/// </summary>
public sealed class PackageEndToEndTests
{
    private const ushort MachineX8664 = 62;
    private const string PatchMessage = "Parsec: marked the GLIBCXX_3.4.32 need of";
    private static readonly string[] ExpectedOutput =
    {
        "choices: Act=Relu|Tanh; Depth=1|2|3",
        "size: 6",
        "output: 4x8",
    };

    [Fact]
    [Trait("Category", "Slow")]
    public void A_fresh_console_project_builds_runs_and_publishes_against_the_packages()
    {
        using var work = new TemporaryDirectory("e2e");
        string feed = Directory.CreateDirectory(work.File("feed")).FullName;
        string app = Directory.CreateDirectory(work.File("app")).FullName;
        // A version no earlier run can have left in any cache.
        string version = $"0.1.0-e2e-{Guid.NewGuid():N}";

        foreach (string project in new[] { "src/Parsec.Attributes/Parsec.Attributes.csproj", "src/Parsec.TorchSharpLoadFix/Parsec.TorchSharpLoadFix.csproj", "src/Parsec.Runtime/Parsec.Runtime.csproj" })
        {
            // --artifacts-path keeps this build's bin and obj out of the working tree other builds use.
            Dotnet(RepositoryRoot, CleanEnvironment(), "pack", project, "-c", "Release", "-o", feed, "--artifacts-path", work.File("artifacts"), $"-p:Version={version}");
        }

        WriteConsumerProject(app, feed);
        var appEnvironment = CleanEnvironment();
        appEnvironment["NUGET_PACKAGES"] = work.File("packages");

        string build = Dotnet(app, appEnvironment, "build", "-c", "Release", $"-p:ParsecVersion={version}");
        Assert.Equal(ExpectedOutput, Lines(Dotnet(app, appEnvironment, "bin/Release/net10.0/ConsumerApp.dll")));

        string publish = Dotnet(app, appEnvironment, "publish", "-c", "Release", "--no-build", "-o", work.File("publish"), $"-p:ParsecVersion={version}");
        Assert.Equal(ExpectedOutput, Lines(Dotnet(app, appEnvironment, work.File("publish/ConsumerApp.dll"))));

        bool systemLacksVersion = SystemLibStdCxxLacks(GlibcxxMarkerNeedFix.VersionName);
        Assert.Equal(systemLacksVersion, build.Contains(PatchMessage));
        Assert.Equal(systemLacksVersion, publish.Contains(PatchMessage));
        Assert.All(Lines(build).Where(line => line.Contains(PatchMessage)), line => Assert.Contains(Path.Combine(app, "bin"), line));
        Assert.All(Lines(publish).Where(line => line.Contains(PatchMessage)), line => Assert.Contains(work.File("publish"), line));
        Assert.All(MachineCacheBindings(), binding => Assert.False(GlibcxxNeedOf(binding)?.IsWeak, $"{binding} was patched"));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void A_project_that_references_only_TorchSharp_and_the_load_fix_package_runs_an_exported_model()
    {
        using var work = new TemporaryDirectory("shipped");
        string feed = Directory.CreateDirectory(work.File("feed")).FullName;
        string app = Directory.CreateDirectory(work.File("app")).FullName;
        string version = $"0.1.0-e2e-{Guid.NewGuid():N}";
        Dotnet(RepositoryRoot, CleanEnvironment(), "pack", "src/Parsec.TorchSharpLoadFix/Parsec.TorchSharpLoadFix.csproj", "-c", "Release",
            "-o", feed, "--artifacts-path", work.File("artifacts"), $"-p:Version={version}");

        string templates = Path.Combine(AppContext.BaseDirectory, "ConsumerApp");
        File.Copy(Path.Combine(templates, "ShippedApp.csproj.txt"), Path.Combine(app, "ShippedApp.csproj"));
        File.Copy(Path.Combine(templates, "ShippedProgram.cs.txt"), Path.Combine(app, "Program.cs"));
        File.Copy(Path.Combine(RepositoryRoot, "samples", "FashionMnist.Exported", "DartsNetwork.cs"), Path.Combine(app, "DartsNetwork.cs"));
        WriteNuGetConfig(app, feed);
        var appEnvironment = CleanEnvironment();
        appEnvironment["NUGET_PACKAGES"] = work.File("packages");

        string build = Dotnet(app, appEnvironment, "build", "-c", "Release", $"-p:ParsecVersion={version}");
        Assert.Equal(new[] { "output: 2x10" }, Lines(Dotnet(app, appEnvironment, "bin/Release/net10.0/ShippedApp.dll")));
        Assert.Equal(SystemLibStdCxxLacks(GlibcxxMarkerNeedFix.VersionName), build.Contains(PatchMessage));
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(app, "bin"), "Parsec*.dll", SearchOption.AllDirectories), _ => true);
    }

    private static string RepositoryRoot => typeof(PackageEndToEndTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "RepositoryRoot").Value!;

    private static void WriteConsumerProject(string app, string feed)
    {
        string templates = Path.Combine(AppContext.BaseDirectory, "ConsumerApp");
        File.Copy(Path.Combine(templates, "ConsumerApp.csproj.txt"), Path.Combine(app, "ConsumerApp.csproj"));
        File.Copy(Path.Combine(templates, "Program.cs.txt"), Path.Combine(app, "Program.cs"));
        File.Copy(Path.Combine(templates, "Cells.cs.txt"), Path.Combine(app, "Cells.cs"));
        WriteNuGetConfig(app, feed);
    }

    private static void WriteNuGetConfig(string app, string feed)
    {
        string templates = Path.Combine(AppContext.BaseDirectory, "ConsumerApp");
        File.WriteAllText(Path.Combine(app, "nuget.config"), File.ReadAllText(Path.Combine(templates, "nuget.config.txt"))
            .Replace("$FEED$", feed)
            .Replace("$MACHINE_PACKAGES$", MachinePackagesFolder()));
    }

    /// <summary>
    /// The variables dotnet test hands its test host would steer the child builds to this run's MSBuild; node reuse
    /// is off so no build node outlives the test.
    /// </summary>
    private static Dictionary<string, string?> CleanEnvironment()
    {
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(name => name, _ => (string?)null);
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        return environment;
    }

    // The limit only catches a hung command: on two cores shared with a training run a restore alone took 14 s and a
    // pack over 3 minutes, so it is far above a quiet machine's times.
    private static string Dotnet(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        ProcessRunner.Run("dotnet", arguments, workingDirectory, environment, TimeSpan.FromMinutes(15));

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string MachinePackagesFolder() =>
        Dotnet(Path.GetTempPath(), CleanEnvironment(), "nuget", "locals", "global-packages", "--list").Split(": ", 2)[1].Trim();

    /// <summary>The NuGet cache's own copies, which the build reads through the fallback folder and must never write.</summary>
    private static IEnumerable<string> MachineCacheBindings() =>
        Directory.GetFiles(Path.Combine(MachinePackagesFolder(), "torchsharp"), "libLibTorchSharp.so", SearchOption.AllDirectories);

    private static ElfVersionNeed? GlibcxxNeedOf(string binding) => ElfVersionNeeds.Read(ElfImage.Load(binding))
        .SingleOrDefault(need => need.LibraryName == GlibcxxMarkerNeedFix.LibraryName && need.VersionName == GlibcxxMarkerNeedFix.VersionName);

    private static bool SystemLibStdCxxLacks(string version)
    {
        string? library = LoaderLibraryLocator.Find(GlibcxxMarkerNeedFix.LibraryName, MachineX8664);
        return library != null && !ElfVersionDefinitions.Read(ElfImage.Load(library)).Contains(version);
    }
}
