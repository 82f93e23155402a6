using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Parsec.Trials;

namespace Parsec.Bench.Trials;

/// <summary>
/// When one trial of a run started, ended and was read back by the driver. Both executors create the trial's
/// <c>logs/&lt;id&gt;.out</c> as they launch it, so its birth time is the start (read with GNU stat); the result's modification time is the
/// end, since it is written last and renamed into place.
/// </summary>
public sealed record TrialTimeline(string Id, DateTime Start, DateTime End, DateTime Read, double Accuracy)
{
    /// <summary>The timeline of an outcome reported at <paramref name="read"/>.</summary>
    public static TrialTimeline Of(string resultsDirectory, TrialOutcome outcome, DateTime read)
    {
        if (outcome.Result is not { } result) throw new InvalidOperationException($"Trial {outcome.Trial.Id} failed: {outcome.Error}");
        string output = Path.Combine(resultsDirectory, "logs", outcome.Trial.Id + ".out");
        var start = BirthTime(output);
        var end = File.GetLastWriteTimeUtc(Path.Combine(resultsDirectory, outcome.Trial.Id + ".json"));
        return new TrialTimeline(outcome.Trial.Id, start, end, read, result.Accuracy);
    }

    /// <summary>A file's birth time from GNU stat (.NET's creation time on Linux is not the birth time).</summary>
    private static DateTime BirthTime(string path)
    {
        var start = new ProcessStartInfo("stat") { RedirectStandardOutput = true };
        foreach (string argument in new[] { "--format=%.9W", path }) start.ArgumentList.Add(argument);
        using var stat = Process.Start(start)!;
        string seconds = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        if (stat.ExitCode != 0 || !decimal.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value) || value <= 0)
            throw new InvalidOperationException($"stat cannot tell when {path} was created ('{seconds}'): this file system does not record birth times.");
        return DateTime.UnixEpoch.AddTicks((long)(value * TimeSpan.TicksPerSecond));
    }

    /// <summary>
    /// For each trial that started after another had ended, the wait between the earliest unclaimed earlier end and
    /// its start: how long a freed CPU stayed idle before the executor gave it the next trial.
    /// </summary>
    public static IReadOnlyList<double> IdleGapsMs(IReadOnlyList<TrialTimeline> timelines, int slots)
    {
        var byStart = timelines.OrderBy(timeline => timeline.Start).ToList();
        var freed = new PriorityQueue<DateTime, DateTime>();
        foreach (var first in byStart.Take(slots)) freed.Enqueue(first.End, first.End);
        var gaps = new List<double>();
        foreach (var next in byStart.Skip(slots))
        {
            var end = freed.Dequeue();
            gaps.Add((next.Start - end).TotalMilliseconds);
            freed.Enqueue(next.End, next.End);
        }
        return gaps;
    }
}
