using System;
using System.Collections.Generic;
using System.Linq;
using Parsec.Search;

namespace Parsec.Samples.FashionMnist;

/// <summary>Each choice's option probabilities after every search step, for the probability plots.</summary>
public sealed class ProbabilityHistory
{
    private readonly Dictionary<string, List<double[]>> byChoice = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> options = new(StringComparer.Ordinal);
    private readonly List<int> steps = new();

    /// <summary>The recorded steps.</summary>
    public IReadOnlyList<int> Steps => steps;

    /// <summary>Every recorded choice, named by <see cref="ChoiceNames.Of"/>.</summary>
    public IEnumerable<string> Choices => byChoice.Keys;

    /// <summary>Records the distribution's state after <paramref name="step"/>.</summary>
    public void Record(int step, IEnumerable<ChoiceSummary> summaries)
    {
        steps.Add(step);
        foreach (var summary in summaries)
        {
            string name = ChoiceNames.Of(summary);
            if (!byChoice.TryGetValue(name, out var rows))
            {
                byChoice[name] = rows = new List<double[]>();
                options[name] = summary.Options.ToArray();
            }
            rows.Add(summary.Probabilities[0].ToArray());
        }
    }

    /// <summary>The option names of <paramref name="choice"/>.</summary>
    public IReadOnlyList<string> OptionsOf(string choice) => options[choice];

    /// <summary>The probability of option <paramref name="option"/> of <paramref name="choice"/> at every recorded step.</summary>
    public double[] Series(string choice, int option) => byChoice[choice].Select(row => row[option]).ToArray();
}
