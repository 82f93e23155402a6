using System;
using System.IO;

namespace Parsec.Persistence;

/// <summary>
/// Writes a file so a reader sees either the old content or the complete new one: the bytes go to a temporary file
/// next to the target, are flushed to disk, then renamed over the target.
/// </summary>
public static class AtomicFile
{
    /// <summary>Replaces <paramref name="path"/> with what <paramref name="write"/> writes, creating its folder if needed.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        string fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        string temporary = $"{fullPath}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
