using System;
using System.Collections.Generic;
using System.Linq;
using Parsec.Generators.Tests.Infrastructure;
using Xunit;

namespace Parsec.Generators.Tests;

/// <summary>
/// Half-typed code, as an editor sends it on every keystroke: sources cut at many offsets and mutated. The generator
/// must never throw (no CS8785, no AD0001), whatever it reports.
/// </summary>
public sealed class RobustnessTests
{
    private static readonly string[] Sources =
    {
        TestSources.DartsOps + "\n" + TestSources.DartsCell.Replace("namespace Darts;", ""),
        TestSources.ChainCell,
        TestSources.NestedCell,
        TestSources.DartsOps + "\n" + TestSources.Network.Replace("namespace Darts;", "").Replace("NormalCell", "object"),
    };

    public static IEnumerable<object[]> Variants()
    {
        var random = new Random(20261127);
        for (int s = 0; s < Sources.Length; s++)
        {
            string source = Sources[s];
            // Truncations every few characters across the whole file.
            int step = Math.Max(1, source.Length / 70);
            for (int cut = step; cut < source.Length; cut += step)
                yield return new object[] { $"{s}:cut{cut}", source.Substring(0, cut) };
            // Random deletions, duplications and character swaps.
            for (int m = 0; m < 40; m++)
            {
                int start = random.Next(source.Length);
                int length = Math.Min(random.Next(1, 40), source.Length - start);
                string mutated = (m % 3) switch
                {
                    0 => source.Remove(start, length),
                    1 => source.Insert(start, source.Substring(start, length)),
                    _ => source.Remove(start, 1).Insert(random.Next(source.Length - 1), source[start].ToString()),
                };
                yield return new object[] { $"{s}:mutation{m}", mutated };
            }
        }
    }

    [Fact]
    public void Hundreds_of_broken_variants_never_make_the_generator_throw()
    {
        var variants = Variants().ToList();
        Assert.True(variants.Count >= 400, $"only {variants.Count} variants");
        var failures = new List<string>();
        foreach (var variant in variants)
        {
            var run = GeneratorHarness.Run((string)variant[1]);
            if (run.Result.Results[0].Exception is { } exception)
                failures.Add($"{variant[0]}: {exception}");
            failures.AddRange(run.DriverDiagnostics.Where(d => d.Id is "CS8785" or "AD0001").Select(d => $"{variant[0]}: {d}"));
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));
    }
}
