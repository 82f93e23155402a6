using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Parsec.Trials;

/// <summary>
/// The results directory's layout, shared by the executors: <c>&lt;id&gt;.json</c> results, <c>logs/&lt;id&gt;.out</c>
/// and <c>logs/&lt;id&gt;.err</c> (appended to by every attempt), and the executors' own bookkeeping below it.
/// </summary>
internal sealed class TrialsDirectory
{
    private const int ErrorTailCharacters = 4000;

    public TrialsDirectory(string path)
    {
        Root = Path.GetFullPath(path);
        Logs = Path.Combine(Root, "logs");
    }

    /// <summary>The results directory's full path.</summary>
    public string Root { get; }

    /// <summary>The directory of every trial's output and error files.</summary>
    public string Logs { get; }

    public string ResultPath(string id) => Path.Combine(Root, id + ".json");

    public string OutputPath(string id) => Path.Combine(Logs, id + ".out");

    public string ErrorPath(string id) => Path.Combine(Logs, id + ".err");

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="path"/> cannot name a directory.</summary>
    public static void ValidatePath(string? path, string name)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new ArgumentException($"{name} is empty: name the directory where trial results go.", name);
        if (path.Contains('\0'))
            throw new ArgumentException($"{name} contains a NUL character: name the directory without it.", name);
    }

    /// <summary>Throws <see cref="ArgumentException"/> when two trials share an id, since they would share files.</summary>
    public static void CheckDistinct(IReadOnlyList<TrialSpec> trials)
    {
        ArgumentNullException.ThrowIfNull(trials);
        if (trials.Any(trial => trial is null)) throw new ArgumentException("A trial in the list is null: leave it out.", nameof(trials));
        var repeated = trials.GroupBy(trial => trial.Id, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        if (repeated.Count > 0)
            throw new ArgumentException($"The trial id(s) {string.Join(", ", repeated.Select(id => $"'{id}'"))} appear more than once: give every trial its own id, since the id names its result file.", nameof(trials));
    }

    /// <summary>
    /// Creates the directory and its subdirectories and proves they take a file, so that a directory that cannot be
    /// written to fails before any trial starts.
    /// </summary>
    /// <exception cref="IOException">The directory cannot be created or written; the message says which and why.</exception>
    public void EnsureWritable(params string[] subdirectories)
    {
        try
        {
            Directory.CreateDirectory(Root);
            Directory.CreateDirectory(Logs);
            foreach (string subdirectory in subdirectories) Directory.CreateDirectory(Path.Combine(Root, subdirectory));
            foreach (string directory in new[] { Root, Logs }.Concat(subdirectories.Select(sub => Path.Combine(Root, sub))))
            {
                string probe = Path.Combine(directory, $".write-probe-{Guid.NewGuid():N}");
                File.WriteAllText(probe, "");
                File.Delete(probe);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new IOException(
                $"The results directory '{Root}' is not writable ({exception.Message}): choose a directory this user can create and write files in. Nothing was started.",
                exception);
        }
    }

    /// <summary>The trial's result when its file exists and passes <see cref="TrialResult.Read"/>; otherwise null.</summary>
    public TrialResult? FinishedResult(TrialSpec trial)
    {
        try
        {
            return TrialResult.Read(ResultPath(trial.Id), trial.Id);
        }
        catch (Exception exception) when (exception is FileNotFoundException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads the result an attempt left: the result, or null and the reason it is missing or invalid.
    /// </summary>
    public (TrialResult? Result, string? Problem) ReadAttemptResult(TrialSpec trial)
    {
        try
        {
            return (TrialResult.Read(ResultPath(trial.Id), trial.Id), null);
        }
        catch (FileNotFoundException)
        {
            return (null, $"it wrote no result to '{ResultPath(trial.Id)}'");
        }
        catch (InvalidDataException exception)
        {
            return (null, exception.Message);
        }
    }

    /// <summary>Removes a result that did not pass its checks, so that the next attempt cannot be scored by it.</summary>
    public void RemoveResult(string id) => File.Delete(ResultPath(id));

    /// <summary>The length of the trial's error file now: where the next attempt's error output starts.</summary>
    public long ErrorLength(string id)
    {
        var file = new FileInfo(ErrorPath(id));
        return file.Exists ? file.Length : 0;
    }

    /// <summary>The last few thousand characters an attempt wrote to its error file from <paramref name="offset"/> on.</summary>
    public string ErrorTail(string id, long offset)
    {
        string path = ErrorPath(id);
        if (!File.Exists(path)) return "";
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        long start = Math.Max(offset, stream.Length - ErrorTailCharacters * 4L);
        if (start >= stream.Length) return "";
        stream.Seek(start, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string text = reader.ReadToEnd().TrimEnd();
        return text.Length > ErrorTailCharacters ? "..." + text[^ErrorTailCharacters..] : text;
    }

    /// <summary>The outcome of a trial whose attempts all failed: the last reason and its error output's tail.</summary>
    public TrialOutcome Failure(TrialSpec trial, string reason, long errorOffset, int attempts)
    {
        string tail = ErrorTail(trial.Id, errorOffset);
        string error = tail.Length == 0
            ? $"Trial '{trial.Id}' failed after {attempts} attempt(s): {reason}; it wrote nothing to {ErrorPath(trial.Id)}."
            : $"Trial '{trial.Id}' failed after {attempts} attempt(s): {reason}. The end of {ErrorPath(trial.Id)}:\n{tail}";
        return new TrialOutcome(trial, null, error, attempts);
    }
}
