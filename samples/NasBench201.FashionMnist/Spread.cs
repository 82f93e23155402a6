using System;
using System.Collections.Generic;
using System.Linq;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>n, mean, sample standard deviation (0 for one value), least and greatest of a list of figures.</summary>
public sealed record Spread(int N, double Mean, double Std, double Min, double Max)
{
    /// <exception cref="ArgumentException">The list is empty.</exception>
    public static Spread Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("A spread needs at least one value.", nameof(values));
        double mean = values.Average();
        double std = values.Count > 1 ? Math.Sqrt(values.Sum(value => (value - mean) * (value - mean)) / (values.Count - 1)) : 0;
        return new Spread(values.Count, mean, std, values.Min(), values.Max());
    }
}
