#nullable enable
namespace Parsec.Build
{
    using System;
    using System.Collections.Generic;
    using System.Diagnostics;
    using System.IO;

    /// <summary>
    /// Finds the file the dynamic loader would open for a library name, in the loader's order: LD_LIBRARY_PATH, the
    /// ld.so cache (as listed by <c>ldconfig -p</c>), then the standard library directories. A candidate counts only
    /// when it is an ELF image for the same machine as the library that needs it.
    /// </summary>
    internal static class LoaderLibraryLocator
    {
        private static readonly string[] LdconfigPaths = { "/sbin/ldconfig", "/usr/sbin/ldconfig", "ldconfig" };

        private static readonly string[] StandardDirectories =
        {
            "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/lib64", "/usr/lib64", "/lib", "/usr/lib",
        };

        public static string? Find(string libraryName, ushort machine)
        {
            foreach (string candidate in Candidates(libraryName))
            {
                if (File.Exists(candidate) && IsElfFor(candidate, machine))
                {
                    return candidate;
                }
            }

            return null;
        }

        private static IEnumerable<string> Candidates(string libraryName)
        {
            string? searchPath = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH");
            if (!string.IsNullOrEmpty(searchPath))
            {
                foreach (string directory in searchPath!.Split(new[] { ':' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    yield return Path.Combine(directory, libraryName);
                }
            }

            foreach (string cached in LoaderCacheEntries(libraryName))
            {
                yield return cached;
            }

            foreach (string directory in StandardDirectories)
            {
                yield return Path.Combine(directory, libraryName);
            }
        }

        /// <summary>Lines of <c>ldconfig -p</c> look like "	libstdc++.so.6 (libc6,x86-64) => /lib/x86_64-linux-gnu/libstdc++.so.6".</summary>
        private static IEnumerable<string> LoaderCacheEntries(string libraryName)
        {
            string? listing = RunLdconfig();
            if (listing == null)
            {
                yield break;
            }

            const string arrow = " => ";
            foreach (string line in listing.Split('\n'))
            {
                string entry = line.Trim();
                int arrowAt = entry.IndexOf(arrow, StringComparison.Ordinal);
                if (arrowAt > 0 && entry.StartsWith(libraryName + " (", StringComparison.Ordinal))
                {
                    yield return entry.Substring(arrowAt + arrow.Length);
                }
            }
        }

        private static string? RunLdconfig()
        {
            foreach (string ldconfig in LdconfigPaths)
            {
                if (Path.IsPathRooted(ldconfig) && !File.Exists(ldconfig))
                {
                    continue;
                }

                try
                {
                    var start = new ProcessStartInfo(ldconfig, "-p")
                    {
                        RedirectStandardOutput = true,
                        RedirectStandardError = true,
                        UseShellExecute = false,
                    };
                    using (Process process = Process.Start(start)!)
                    {
                        // Drained concurrently so a chatty ldconfig cannot block on a full stderr pipe.
                        _ = process.StandardError.ReadToEndAsync();
                        string output = process.StandardOutput.ReadToEnd();
                        process.WaitForExit();
                        if (process.ExitCode == 0)
                        {
                            return output;
                        }
                    }
                }
                catch (System.ComponentModel.Win32Exception)
                {
                    // Not installed under this name; the next name or the standard directories remain.
                }
            }

            return null;
        }

        private static bool IsElfFor(string path, ushort machine)
        {
            try
            {
                return ElfImage.Load(path).Machine == machine;
            }
            catch (Exception exception) when (exception is ElfFormatException || exception is IOException || exception is UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
