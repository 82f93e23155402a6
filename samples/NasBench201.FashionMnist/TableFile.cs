using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Parsec.Persistence;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>
/// A ground-truth table in NAS-Bench-201's form, <c>arch,accuracy,parameters,seconds</c> with the accuracy in percent,
/// grown a row at a time: each row is added by rewriting the file atomically, so a killed writer leaves the table as
/// it was before the row or after it, never half a line.
/// </summary>
public static class TableFile
{
    /// <summary>The header line.</summary>
    public const string Header = "arch,accuracy,parameters,seconds";

    /// <summary>The cells <paramref name="path"/> already holds; none when the file does not exist.</summary>
    /// <exception cref="InvalidDataException">The file is not a table (<see cref="NasBench201Table.Load"/>'s message).</exception>
    public static IReadOnlySet<NasBench201CellArchitecture> Cells(string path) =>
        File.Exists(path)
            ? NasBench201Table.Load(path, requireFullSpace: false).Rows.Select(row => row.Architecture).ToHashSet()
            : new HashSet<NasBench201CellArchitecture>();

    /// <summary>Adds a row, writing the header first when the file is new.</summary>
    public static void Append(string path, NasBench201CellArchitecture cell, double accuracy, long parameters, double seconds)
    {
        var lines = File.Exists(path) ? File.ReadAllLines(path).Where(line => line.Length > 0).ToList() : [Header];
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"{NasBench201Architecture.ToBenchmarkString(cell)},{100 * accuracy:F2},{parameters},{seconds:F1}"));
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            foreach (string line in lines) writer.Write(line + "\n");
        });
    }
}
