using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Parsec.Samples.NasBench201;
using Parsec.Samples.NasBench201.FashionMnist;
using Xunit;

namespace Parsec.Samples.Tests;

/// <summary>The figures the comparison reports, computed by hand on small tables.</summary>
public sealed class ComparisonTests
{
    private static readonly NasBench201CellArchitecture A = NasBench201Architecture.Parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_1x1~1|+|skip_connect~0|none~1|avg_pool_3x3~2|");
    private static readonly NasBench201CellArchitecture B = NasBench201Architecture.Parse("|avg_pool_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|none~0|nor_conv_1x1~1|skip_connect~2|");
    // Node 3 takes only node 2, which takes only node 1, which the input never reaches: cut off.
    private static readonly NasBench201CellArchitecture Cut = NasBench201Architecture.Parse("|none~0|+|none~0|skip_connect~1|+|none~0|none~1|nor_conv_3x3~2|");

    private static NasBench201Row Row(NasBench201CellArchitecture cell, double accuracy) => new(cell, accuracy, null, null);

    [Fact]
    public void Two_cells_ranked_alike_give_tau_one_and_ranked_oppositely_minus_one()
    {
        var rows = new[] { Row(A, 80), Row(B, 85) };
        // Lower held-out loss ranks first: B's 0.4 before A's 0.5 agrees with B's higher accuracy.
        Assert.Equal(1.0, SupernetTau.Tau(rows, [0.5, 0.4], connectedOnly: false), 12);
        Assert.Equal(-1.0, SupernetTau.Tau(rows, [0.4, 0.5], connectedOnly: false), 12);
    }

    [Fact]
    public void The_connected_tau_leaves_out_the_cells_cut_off_from_the_output()
    {
        Assert.False(NasBench201Architecture.IsConnected(Cut));
        var rows = new[] { Row(A, 80), Row(B, 85), Row(Cut, 10) };
        double[] losses = [0.4, 0.5, 2.3];
        // All three: (A,B) discordant, (A,Cut) and (B,Cut) concordant: (2 − 1) / 3.
        Assert.Equal(1.0 / 3, SupernetTau.Tau(rows, losses, connectedOnly: false), 12);
        Assert.Equal(-1.0, SupernetTau.Tau(rows, losses, connectedOnly: true), 12);
    }

    [Fact]
    public void The_noise_is_one_trainings_standard_deviation_from_cells_trained_twice()
    {
        string folder = Directory.CreateTempSubdirectory("parsec-noise-").FullName;
        string table = Path.Combine(folder, "t.csv"), repeats = Path.Combine(folder, "r.csv");
        TableFile.Append(table, A, 0.80, 1, 1);
        TableFile.Append(table, B, 0.85, 1, 1);
        TableFile.Append(repeats, A, 0.81, 1, 1);
        TableFile.Append(repeats, B, 0.84, 1, 1);

        var (noise, pairs) = Comparison.Noise(NasBench201Table.Load(table, false), NasBench201Table.Load(repeats, false));

        // Differences +1 and −1 point: √((1 + 1) / (2 · 2)).
        Assert.Equal(2, pairs);
        Assert.Equal(Math.Sqrt(0.5), noise, 9);
    }

    [Fact]
    public void Percentile_top_tenth_spread_and_front_are_computed_as_stated()
    {
        double[] random = [70, 80, 80, 90];
        Assert.Equal(50, Comparison.Percentile(80, random));
        Assert.Equal(100, Comparison.Percentile(95, random));
        Assert.Equal(90, Comparison.TopTenthThreshold(Enumerable.Range(1, 10).Select(i => 10.0 * i).ToList()));
        var spread = Spread.Of(random);
        Assert.Equal((4, 80.0, Math.Sqrt(200.0 / 3), 70.0, 90.0), (spread.N, spread.Mean, spread.Std, spread.Min, spread.Max));
        Assert.Equal(new (long, double)[] { (10, 70), (20, 85), (50, 90) },
            ParetoPlot.Front([(20, 85), (10, 70), (30, 80), (50, 90), (40, 85)]));
        Assert.True(Comparison.IsParameterFree(NasBench201Architecture.Parse("|skip_connect~0|+|none~0|skip_connect~1|+|skip_connect~0|skip_connect~1|none~2|")));
        Assert.False(Comparison.IsParameterFree(B));
    }

    [Fact]
    public void A_cell_string_in_the_markdown_report_keeps_its_row_in_eight_columns()
    {
        string cell = NasBench201Architecture.ToBenchmarkString(A);
        var run = new RunFigures("parsec", 1, false, cell, 1_000, 88.5, 70, 2.5, 0.2, 0.2, 300, null);
        var spread = Spread.Of([88.5]);
        var figures = new ComparisonFigures("recipe", Spread.Of([87.0, 88.0]), 88.0, 0.3, 2, 500, 89.0, [run],
            [new StrategyFigures("parsec", false, spread, spread, spread, spread, spread, spread, null, 1, 0, 0)]);

        string row = ComparisonReport.Markdown(figures).Split('\n').Single(line => line.StartsWith("| parsec | 1 |") && line.Contains('`'));

        // Unescaped bars delimit the columns: nine of them around eight cells.
        Assert.Equal(9, System.Text.RegularExpressions.Regex.Matches(row, @"(?<!\\)\|").Count);
        Assert.Contains(ComparisonReport.EscapeBars(cell), row);
    }

    [Fact]
    public void The_pareto_plot_is_written_as_a_png()
    {
        string folder = Directory.CreateTempSubdirectory("parsec-pareto-").FullName;
        var recommended = new Dictionary<string, IReadOnlyList<(long, double)>> { ["parsec"] = [(30, 88)], ["darts"] = [(5, 60)] };

        string file = ParetoPlot.Write([(20, 85), (10, 70), (30, 80), (50, 90), (5, 10)], recommended, budget: 25, floor: 60, folder);

        byte[] bytes = File.ReadAllBytes(Path.Combine(folder, file));
        Assert.Equal(Path.Combine("plots", "pareto.png"), file);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        Assert.True(bytes.Length > 10_000, $"A 800x500 plot with points and lines is more than {bytes.Length} bytes.");
    }
}
