using System;
using System.IO;

namespace Parsec.Export.Tests.Infrastructure;

/// <summary>A fresh directory under the system's temporary folder, deleted on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "parsec-export-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>The names of the files in the directory, sorted.</summary>
    public string[] FileNames()
    {
        var files = Directory.GetFiles(Path);
        for (int i = 0; i < files.Length; i++) files[i] = System.IO.Path.GetFileName(files[i]);
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
