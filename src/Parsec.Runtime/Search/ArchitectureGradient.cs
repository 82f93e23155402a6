using System.Collections.Generic;
using System.Linq;

namespace Parsec.Search;

/// <summary>
/// A gradient with respect to π's logits, shaped like <see cref="ArchitectureDistribution.Choices"/>: per cell group,
/// per choice, the choice's logits flattened row by row (<see cref="ChoiceDistribution.Rows"/> ×
/// <see cref="ChoiceDistribution.Width"/>).
/// </summary>
internal sealed class ArchitectureGradient
{
    private readonly double[][][] values;

    private ArchitectureGradient(double[][][] values) => this.values = values;

    /// <summary>A zero gradient for the logits of <paramref name="distribution"/>.</summary>
    public static ArchitectureGradient Zero(ArchitectureDistribution distribution) =>
        new(distribution.Choices.Select(group => group.Select(choice => new double[choice.Rows * choice.Width]).ToArray()).ToArray());

    /// <summary>The flat gradient of choice <paramref name="choice"/> of cell group <paramref name="group"/>; writable.</summary>
    public double[] Of(int group, int choice) => values[group][choice];

    /// <summary>Adds <paramref name="weight"/> × <paramref name="other"/>, which must have the same shape.</summary>
    public void Add(ArchitectureGradient other, double weight)
    {
        for (int g = 0; g < values.Length; g++)
            for (int c = 0; c < values[g].Length; c++)
                for (int i = 0; i < values[g][c].Length; i++) values[g][c][i] += weight * other.values[g][c][i];
    }

    /// <summary>Every component, group by group and choice by choice.</summary>
    public IEnumerable<double> Components => values.SelectMany(group => group.SelectMany(choice => choice));
}
