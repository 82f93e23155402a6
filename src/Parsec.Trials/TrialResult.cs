using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Parsec.Trials;

/// <summary>
/// What a trial process writes when it has trained (JSON with camelCase names) and the driver reads back.
/// </summary>
/// <param name="Trial">The id of the trial that wrote it; <see cref="Read"/> checks it against the trial it expects.</param>
/// <param name="Accuracy">The trial's score, e.g. validation accuracy.</param>
/// <param name="Losses">The training loss curve, e.g. one value per epoch.</param>
/// <param name="Parameters">The trained model's parameter count.</param>
/// <param name="Seconds">The training's wall time in seconds.</param>
/// <param name="WeightsPath">Where the trial saved its trained weights, or null when it did not.</param>
public sealed record TrialResult(string Trial, double Accuracy, IReadOnlyList<double> Losses, long Parameters, double Seconds, string? WeightsPath)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // A diverged trial's NaN is written as "NaN" so that Read can say so instead of failing to parse.
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // A missing field or a null where none belongs is an error rather than a default value that looks like a score.
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>
    /// Writes this result to <paramref name="path"/> atomically: to a temporary file in the same directory, flushed
    /// to disk, then renamed over <paramref name="path"/>, so a reader sees the whole file or none. Non-finite values
    /// are written as "NaN" or "Infinity", which <see cref="Read"/> rejects.
    /// </summary>
    public void Write(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        string temporary = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                JsonSerializer.Serialize(stream, this, Json);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Reads the result at <paramref name="path"/> and checks it: every field present, numbers finite, the parameter
    /// count and seconds not negative, and <see cref="Trial"/> equal to <paramref name="expectedTrial"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file does not parse or fails a check; the message names the file and the check.</exception>
    public static TrialResult Read(string path, string expectedTrial)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(expectedTrial);
        byte[] bytes = File.ReadAllBytes(path);
        TrialResult? result;
        try
        {
            result = JsonSerializer.Deserialize<TrialResult>(bytes, Json);
        }
        catch (JsonException exception)
        {
            throw Invalid(path, $"it is not a trial result's JSON ({exception.Message})");
        }
        if (result is null) throw Invalid(path, "it holds null instead of a trial result");
        if (result.Trial != expectedTrial)
            throw Invalid(path, $"it belongs to trial '{result.Trial}', not to '{expectedTrial}'");
        if (!double.IsFinite(result.Accuracy)) throw Invalid(path, $"its accuracy is {Invariant(result.Accuracy)}, not a finite number");
        for (int index = 0; index < result.Losses.Count; index++)
            if (!double.IsFinite(result.Losses[index]))
                throw Invalid(path, $"its loss at index {index} is {Invariant(result.Losses[index])}, not a finite number");
        if (result.Parameters < 0) throw Invalid(path, $"its parameter count is {result.Parameters}, below zero");
        if (!double.IsFinite(result.Seconds) || result.Seconds < 0) throw Invalid(path, $"its seconds are {Invariant(result.Seconds)}, not a finite number of at least zero");
        return result with { Losses = result.Losses.ToArray() };
    }

    /// <summary>Value equality over the loss curve's elements rather than its reference.</summary>
    public bool Equals(TrialResult? other) =>
        other is not null && Trial == other.Trial && Accuracy.Equals(other.Accuracy) && Losses.SequenceEqual(other.Losses)
        && Parameters == other.Parameters && Seconds.Equals(other.Seconds) && WeightsPath == other.WeightsPath;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Trial, Accuracy, Losses.Count, Parameters, Seconds, WeightsPath);

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static InvalidDataException Invalid(string path, string problem) =>
        new($"The trial result '{Path.GetFullPath(path)}' is not valid: {problem}.");
}
