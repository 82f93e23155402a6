using System;
using System.IO;

namespace Parsec.Samples.FashionMnist;

/// <summary>
/// The <c>--out</c> folder, checked before any work: a folder the run cannot write would otherwise fail at its first
/// checkpoint, minutes in; and <c>--resume</c> over a folder without a search checkpoint says it starts a new run.
/// </summary>
public static class OutputFolder
{
    /// <summary>The search's checkpoint in the folder: <c>--resume</c> has something to go on from when it exists.</summary>
    public const string SearchCheckpoint = "search.checkpoint";

    /// <summary>Creates <paramref name="path"/> (with its parents) and checks a file can be written in it.</summary>
    /// <exception cref="ArgumentException">The folder cannot be created or written; the message names its full path.</exception>
    public static void Prepare(string path)
    {
        string folder = Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(folder);
            string probe = Path.Combine(folder, $".write-check-{Environment.ProcessId}");
            File.WriteAllBytes(probe, Array.Empty<byte>());
            File.Delete(probe);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException(
                $"--out: cannot create or write the folder '{folder}' ({error.Message}). Pass --out with a folder you can write.", error);
        }
    }

    /// <summary>
    /// With <see cref="SampleOptions.Resume"/>, the notice that <see cref="SampleOptions.Output"/> holds no search
    /// checkpoint, so a new run starts there; null when there is one, or without <c>--resume</c>.
    /// </summary>
    public static string? NothingToResume(SampleOptions options) =>
        options.Resume && !File.Exists(Path.Combine(options.Output, SearchCheckpoint))
            ? $"--resume: nothing to resume in {Path.GetFullPath(options.Output)} (no {SearchCheckpoint} there); starting a new run."
            : null;
}
