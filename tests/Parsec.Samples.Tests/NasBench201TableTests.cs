using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Parsec.Samples.NasBench201;
using Xunit;

namespace Parsec.Samples.Tests;

/// <summary>NasBench201Table on small generated files: what it reads, and each malformed table with its line.</summary>
public sealed class NasBench201TableTests : IDisposable
{
    private const string First = "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|";
    private const string Second = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";
    private const string Third = "|skip_connect~0|+|none~0|nor_conv_1x1~1|+|none~0|none~1|skip_connect~2|";

    private readonly string folder = Directory.CreateTempSubdirectory("parsec-nb201-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_table_gives_rows_in_file_order_the_optimum_and_lookup_and_ignores_extra_columns()
    {
        string path = Write("small.csv", "index,arch,accuracy,note", $"0,{First},10.00,cut", $"1,{Second},93.66,x", $"2,{Third},93.66,y");

        var table = NasBench201Table.Load(path, requireFullSpace: false);

        Assert.Equal(path, table.Path);
        Assert.Equal(new[] { First, Second, Third }, table.Rows.Select(row => NasBench201Architecture.ToBenchmarkString(row.Architecture)));
        Assert.Equal(new[] { 10.0, 93.66, 93.66 }, table.Rows.Select(row => row.Accuracy));
        Assert.Same(table.Rows[1], table.Optimum);   // the first of the two best
        Assert.Same(table.Rows[2], table[NasBench201Architecture.Parse(Third)]);
        Assert.False(table.HasParameters);
        Assert.False(table.HasSeconds);
        Assert.All(table.Rows, row => Assert.Null(row.Parameters));
        Assert.All(table.Rows, row => Assert.Null(row.Seconds));

        var absent = NasBench201Architecture.Parse("|avg_pool_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|");
        Assert.False(table.TryGet(absent, out _));
        var error = Assert.Throws<KeyNotFoundException>(() => table[absent]);
        Assert.Contains("|avg_pool_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|", error.Message);
    }

    [Fact]
    public void The_optional_parameters_and_seconds_columns_are_read()
    {
        string path = Write("timed.csv", "seconds,accuracy,parameters,arch", $"12.5,10.00,73306,{First}", $"0,93.66,1.2e3,{Second}");
        var error = Assert.Throws<InvalidDataException>(() => NasBench201Table.Load(path, requireFullSpace: false));
        Assert.Contains("line 3: the parameters '1.2e3' is not a non-negative integer", error.Message);

        path = Write("timed.csv", "seconds,accuracy,parameters,arch", $"12.5,10.00,73306,{First}", $"0,93.66,1200,{Second}");
        var table = NasBench201Table.Load(path, requireFullSpace: false);

        Assert.True(table.HasParameters);
        Assert.True(table.HasSeconds);
        Assert.Equal(new long?[] { 73306, 1200 }, table.Rows.Select(row => row.Parameters));
        Assert.Equal(new double?[] { 12.5, 0 }, table.Rows.Select(row => row.Seconds));
    }

    [Fact]
    public void A_full_table_loads_and_a_missing_cell_is_named_with_the_count()
    {
        var lines = NasBench201Architecture.All().Select((cell, i) => $"{NasBench201Architecture.ToBenchmarkString(cell)},{i % 100}").ToList();
        string path = Write("full.csv", new[] { "arch,accuracy" }.Concat(lines).ToArray());

        var table = NasBench201Table.Load(path);
        Assert.Equal(NasBench201Architecture.SpaceSize, table.Rows.Length);
        Assert.Equal(99, table.Optimum.Accuracy);
        Assert.Equal(NasBench201Architecture.All().ElementAt(99), table.Optimum.Architecture);

        string missingOne = lines[7].Split(',')[0], missingTwo = lines[9000].Split(',')[0];
        path = Write("gaps.csv", new[] { "arch,accuracy" }.Concat(lines.Where((_, i) => i != 7 && i != 9000)).ToArray());
        var error = Assert.Throws<InvalidDataException>(() => NasBench201Table.Load(path));
        Assert.StartsWith($"{path}: 2 of the 15625 cells of the space are missing, for example {missingOne};", error.Message);
        Assert.DoesNotContain(missingTwo, error.Message);

        Assert.Equal(NasBench201Architecture.SpaceSize - 2, NasBench201Table.Load(path, requireFullSpace: false).Rows.Length);
    }

    public static TheoryData<string[], int, string> BadTables => new()
    {
        { new[] { "arch,acc", $"{First},10" }, 1, "the header has no column 'accuracy'; it names 'arch', 'acc', and a table needs arch and accuracy" },
        { new[] { "cell,accuracy", $"{First},10" }, 1, "the header has no column 'arch'" },
        { Array.Empty<string>(), 1, "the file is empty" },
        { new[] { "arch,accuracy" }, 1, "the table has a header but no rows" },
        { new[] { "arch,accuracy", $"{First},10", $"{Second},93.6,extra" }, 3, "the line has 3 field(s) but the header names 2 columns" },
        { new[] { "arch,accuracy", $"{First},10", "|conv~0|+|none~0|none~1|+|none~0|none~1|none~2|,50" }, 3, "'conv' is not an operation" },
        { new[] { "arch,accuracy", $"{First},10", $"{Second},93.6", "|none~0|+|none~0|+|none~0|none~1|none~2|,50" }, 4, "node 2 has 1 edge(s), not 2" },
        { new[] { "arch,accuracy", $"{First},ten" }, 2, "the accuracy 'ten' is not a finite number" },
        { new[] { "arch,accuracy", $"{First},10", $"{Second},NaN" }, 3, "the accuracy 'NaN' is not a finite number" },
        { new[] { "arch,accuracy", $"{First},10", $"{Second},93.6", $"{Third},50", $"{Second},93.6" }, 5, $"the cell {Second} is listed a second time; it was first on line 3" },
        { new[] { "arch,accuracy,seconds", $"{First},10,-1" }, 2, "the seconds '-1' is not a finite non-negative number" },
    };

    [Theory]
    [MemberData(nameof(BadTables))]
    public void A_malformed_table_names_the_file_the_line_and_the_problem(string[] lines, int line, string problem)
    {
        string path = Write("bad.csv", lines);

        var error = Assert.Throws<InvalidDataException>(() => NasBench201Table.Load(path, requireFullSpace: false));

        Assert.StartsWith($"{path}, line {line}: ", error.Message);
        Assert.Contains(problem, error.Message);
    }

    private string Write(string name, params string[] lines)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
