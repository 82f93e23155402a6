using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Parsec.Samples.NasBench201;

/// <summary>One cell of a NAS-Bench-201 table.</summary>
/// <param name="Architecture">The cell.</param>
/// <param name="Accuracy">The <c>accuracy</c> column as written (the benchmark's tables are in percent).</param>
/// <param name="Parameters">The <c>parameters</c> column, or null when the table has none.</param>
/// <param name="Seconds">The <c>seconds</c> column, or null when the table has none.</param>
public sealed record NasBench201Row(NasBench201CellArchitecture Architecture, double Accuracy, long? Parameters, double? Seconds);

/// <summary>
/// A table of NAS-Bench-201 cells and their figures, read from a CSV file: a header line naming the columns, then one
/// line a cell. The columns <c>arch</c> (the benchmark's string, <see cref="NasBench201Architecture.Parse"/>) and
/// <c>accuracy</c> are required; <c>parameters</c> (a non-negative integer) and <c>seconds</c> (a non-negative number)
/// are read when present; any other column is ignored. Fields are separated by commas and not quoted.
/// </summary>
public sealed class NasBench201Table
{
    private const string ArchColumn = "arch";
    private const string AccuracyColumn = "accuracy";
    private const string ParametersColumn = "parameters";
    private const string SecondsColumn = "seconds";

    private readonly Dictionary<NasBench201CellArchitecture, NasBench201Row> byArchitecture;

    private NasBench201Table(string path, ImmutableArray<NasBench201Row> rows, bool hasParameters, bool hasSeconds)
    {
        Path = path;
        Rows = rows;
        HasParameters = hasParameters;
        HasSeconds = hasSeconds;
        byArchitecture = rows.ToDictionary(row => row.Architecture);
        Optimum = rows.MaxBy(row => row.Accuracy)!;   // the first of equally accurate rows
    }

    /// <summary>The file the table was read from.</summary>
    public string Path { get; }

    /// <summary>The rows in file order.</summary>
    public ImmutableArray<NasBench201Row> Rows { get; }

    /// <summary>The most accurate row; the first in file order among equals.</summary>
    public NasBench201Row Optimum { get; }

    /// <summary>Whether the table has a <c>parameters</c> column, so that every row's <see cref="NasBench201Row.Parameters"/> is set.</summary>
    public bool HasParameters { get; }

    /// <summary>Whether the table has a <c>seconds</c> column, so that every row's <see cref="NasBench201Row.Seconds"/> is set.</summary>
    public bool HasSeconds { get; }

    /// <summary>The row of <paramref name="architecture"/>; a cell the table lacks is a <see cref="KeyNotFoundException"/> naming it.</summary>
    public NasBench201Row this[NasBench201CellArchitecture architecture] =>
        TryGet(architecture, out var row)
            ? row
            : throw new KeyNotFoundException($"{Path} has no row for {NasBench201Architecture.ToBenchmarkString(architecture)}.");

    /// <summary>The row of <paramref name="architecture"/>, if the table has one.</summary>
    public bool TryGet(NasBench201CellArchitecture architecture, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out NasBench201Row? row) =>
        byArchitecture.TryGetValue(architecture, out row);

    /// <summary>
    /// Reads the table at <paramref name="path"/>. A missing required column, a line whose field count differs from
    /// the header's, a malformed cell string or unknown operation, an accuracy that is not a finite number, a bad
    /// <c>parameters</c> or <c>seconds</c> value, a cell listed twice, a table without rows and (with
    /// <paramref name="requireFullSpace"/>, as the benchmark lists every cell) a cell missing from the space are each a
    /// <see cref="InvalidDataException"/> whose message starts with the file and the 1-based line (the header
    /// is line 1), or the file alone for a missing cell.
    /// </summary>
    public static NasBench201Table Load(string path, bool requireFullSpace = true)
    {
        using var lines = File.ReadLines(path).GetEnumerator();
        if (!lines.MoveNext())
            throw Invalid(path, 1, $"the file is empty; the first line must be a header naming the columns {ArchColumn} and {AccuracyColumn}.");
        var header = lines.Current.Split(',');
        int arch = RequiredColumn(path, header, ArchColumn);
        int accuracy = RequiredColumn(path, header, AccuracyColumn);
        int parameters = Array.IndexOf(header, ParametersColumn);
        int seconds = Array.IndexOf(header, SecondsColumn);

        var rows = ImmutableArray.CreateBuilder<NasBench201Row>();
        var lineOf = new Dictionary<NasBench201CellArchitecture, int>();
        int line = 1;
        while (lines.MoveNext())
        {
            line++;
            var fields = lines.Current.Split(',');
            if (fields.Length != header.Length)
                throw Invalid(path, line, $"the line has {fields.Length} field(s) but the header names {header.Length} columns.");
            NasBench201CellArchitecture architecture;
            try
            {
                architecture = NasBench201Architecture.Parse(fields[arch]);
            }
            catch (FormatException error)
            {
                throw Invalid(path, line, error.Message);
            }
            if (!lineOf.TryAdd(architecture, line))
                throw Invalid(path, line, $"the cell {fields[arch]} is listed a second time; it was first on line {lineOf[architecture]}.");
            rows.Add(new NasBench201Row(
                architecture,
                Number(path, line, AccuracyColumn, fields[accuracy], allowNegative: true),
                parameters < 0 ? null : Count(path, line, fields[parameters]),
                seconds < 0 ? null : Number(path, line, SecondsColumn, fields[seconds], allowNegative: false)));
        }
        if (rows.Count == 0)
            throw Invalid(path, line, "the table has a header but no rows.");
        if (requireFullSpace && rows.Count != NasBench201Architecture.SpaceSize)
        {
            var missing = NasBench201Architecture.All().First(cell => !lineOf.ContainsKey(cell));
            throw Invalid(path, null,
                $"{NasBench201Architecture.SpaceSize - rows.Count} of the {NasBench201Architecture.SpaceSize} cells of the space are missing, " +
                $"for example {NasBench201Architecture.ToBenchmarkString(missing)}; the benchmark lists every cell once.");
        }
        return new NasBench201Table(path, rows.ToImmutable(), parameters >= 0, seconds >= 0);
    }

    private static InvalidDataException Invalid(string path, int? line, string problem) =>
        new(line is null ? $"{path}: {problem}" : $"{path}, line {line}: {problem}");

    private static int RequiredColumn(string path, string[] header, string name)
    {
        int index = Array.IndexOf(header, name);
        if (index < 0)
            throw Invalid(path, 1,
                $"the header has no column '{name}'; it names {string.Join(", ", header.Select(column => $"'{column}'"))}, " +
                $"and a table needs {ArchColumn} and {AccuracyColumn} (extra columns are ignored).");
        return index;
    }

    private static double Number(string path, int line, string column, string field, bool allowNegative)
    {
        if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value) || (!allowNegative && value < 0))
            throw Invalid(path, line,
                $"the {column} '{field}' is not a finite{(allowNegative ? "" : " non-negative")} number such as 93.66.");
        return value;
    }

    private static long Count(string path, int line, string field)
    {
        if (!long.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
            throw Invalid(path, line, $"the {ParametersColumn} '{field}' is not a non-negative integer such as 1531546.");
        return value;
    }
}
