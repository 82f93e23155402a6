#nullable enable
namespace Parsec.Build
{
    using System;
    using System.IO;

    /// <summary>
    /// Rewrites a few bytes of a file by patching a copy in the same folder and renaming it over the original, so a
    /// reader never sees a half-written file and a hard or symbolic link into the NuGet cache is replaced, not written
    /// through.
    /// </summary>
    internal static class AtomicFilePatch
    {
        public static void WriteUInt16(string path, long offset, ushort value)
        {
            string directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            string temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
            DateTime lastWrite = File.GetLastWriteTimeUtc(path);
            try
            {
                // File.Copy keeps the permission bits, which a fresh file would not.
                File.Copy(path, temporary, overwrite: false);
                using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.Write, FileShare.None))
                {
                    stream.Position = offset;
                    stream.WriteByte((byte)value);
                    stream.WriteByte((byte)(value >> 8));
                }

                // Keeping the timestamp lets the SDK's copy steps (same size and time = unchanged) skip the file next build.
                File.SetLastWriteTimeUtc(temporary, lastWrite);
                File.Replace(temporary, path, destinationBackupFileName: null);
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }
    }
}
