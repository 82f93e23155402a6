using System;
using System.IO;

namespace Parsec.Trials.Tests;

/// <summary>A fresh directory under the system's temporary directory, deleted with what it holds on dispose.</summary>
public sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory(string name = "scratch")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"parsec-trials-{Guid.NewGuid():N}", name);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
}
