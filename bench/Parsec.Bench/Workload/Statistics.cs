using System.Collections.Generic;
using System.Linq;

namespace Parsec.Bench.Workload;

/// <summary>Summaries of repeated measurements.</summary>
public static class Statistics
{
    /// <summary>The median (the mean of the middle two for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
