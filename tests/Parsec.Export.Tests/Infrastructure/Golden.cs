using System;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit;

namespace Parsec.Export.Tests.Infrastructure;

/// <summary>
/// Golden files in tests/Parsec.Export.Tests/Golden: a test compares its text with the file, or rewrites the file when
/// the environment variable PARSEC_UPDATE_GOLDEN is 1.
/// </summary>
public static class Golden
{
    public static void Match(string name, string actual, [CallerFilePath] string caller = "")
    {
        string path = Path.Combine(ProjectDirectory(caller), "Golden", name);
        if (Environment.GetEnvironmentVariable("PARSEC_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"The golden file {path} is missing; run the tests with PARSEC_UPDATE_GOLDEN=1 to write it.");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), actual);
    }

    /// <summary>The test project's folder, found from a test file's path.</summary>
    public static string ProjectDirectory(string testFile)
    {
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(testFile)!); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Parsec.Export.Tests.csproj"))) return directory.FullName;
        throw new InvalidOperationException($"No Parsec.Export.Tests.csproj above {testFile}.");
    }
}
