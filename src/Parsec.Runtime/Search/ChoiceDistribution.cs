using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Parsec.Data;
using Parsec.SearchSpace;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parsec.Search;

/// <summary>
/// The prior over one choice: a categorical over its options; for an input choice of count k, k draws without
/// replacement from one logit vector (Plackett–Luce) when distinct, else k independent categoricals (logits [k, n]).
/// </summary>
/// <remarks>
/// The logits live on the CPU in float64 whatever the model's device: only the CPU sampler and the log-probability
/// gradient read them, and double precision keeps the exact-gradient checks tight.
/// </remarks>
public sealed class ChoiceDistribution
{
    /// <summary>Above this many selections a distinct input choice is searched with a beam rather than enumerated.</summary>
    public const int EnumerationLimit = 20_000;

    /// <summary>Creates a uniform distribution (zero logits) over <paramref name="choice"/>.</summary>
    public ChoiceDistribution(Choice choice)
    {
        if (choice.Options.Length == 0) throw new ArgumentException($"Choice '{choice.Name}' has no options.", nameof(choice));
        if (choice.Kind == ChoiceKind.Input && choice.Distinct && choice.Count > choice.Options.Length)
            throw new ArgumentException(
                $"Input choice '{choice.Name}' takes {choice.Count} distinct inputs out of {choice.Options.Length}.", nameof(choice));
        Choice = choice;
        Rows = IsIndependentRows ? choice.Count : 1;
        Logits = new Parameter(zeros(Rows == 1 ? new long[] { Width } : new long[] { Rows, Width }, float64, CPU));
    }

    /// <summary>The choice.</summary>
    public Choice Choice { get; }

    /// <summary>The logits: <c>[options]</c>, or <c>[count, options]</c> for a non-distinct input choice.</summary>
    public Parameter Logits { get; }

    /// <summary>The number of options.</summary>
    public int Width => Choice.Options.Length;

    /// <summary>The number of logit rows (1, or the count of a non-distinct input choice).</summary>
    public int Rows { get; }

    // Every choice but a non-distinct multi-input one draws Count times without replacement from one logit row;
    // a plain categorical is the case Count = 1.
    private bool IsIndependentRows => Choice.Kind == ChoiceKind.Input && !Choice.Distinct && Choice.Count > 1;

    /// <summary>The logits as a flat row-major array.</summary>
    public double[] LogitValues() => Logits.detach().cpu().data<double>().ToArray();

    /// <summary>Overwrites the logits with a flat row-major array.</summary>
    public void SetLogits(double[] values)
    {
        if (values.Length != Rows * Width)
            throw new ArgumentException($"Choice '{Choice.Name}' has {Rows * Width} logits, not {values.Length}.", nameof(values));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Logits.copy_(tensor(values, float64).reshape(Logits.shape));
    }

    /// <summary>The softmax of each logit row: the first draw's probabilities for a distinct input choice.</summary>
    public double[][] Probabilities()
    {
        var logits = LogitValues();
        return Enumerable.Range(0, Rows).Select(r => Softmax(logits.AsSpan(r * Width, Width), excluded: null)).ToArray();
    }

    /// <summary>Draws a selection.</summary>
    public ImmutableArray<int> Sample(SearchRandom random)
    {
        var logits = LogitValues();
        var selection = ImmutableArray.CreateBuilder<int>(Choice.Count);
        if (IsIndependentRows)
        {
            for (int r = 0; r < Rows; r++) selection.Add(random.NextIndex(Softmax(logits.AsSpan(r * Width, Width), null)));
            return selection.MoveToImmutable();
        }
        var taken = new bool[Width];
        for (int draw = 0; draw < Choice.Count; draw++)
        {
            int index = random.NextIndex(Softmax(logits, taken));
            selection.Add(index);
            taken[index] = true;
        }
        return selection.MoveToImmutable();
    }

    /// <summary>log p(selection).</summary>
    public double LogProbability(ImmutableArray<int> selection) => LogProbability(selection, LogitValues());

    /// <summary>
    /// Adds <paramref name="weight"/> × ∇ log p(selection) to <paramref name="gradient"/> (flat, row-major like the
    /// logits). For a categorical: onehot(a) − softmax; for draws without replacement each draw contributes
    /// onehot(a_i) − softmax over the options not drawn before it.
    /// </summary>
    public void AddLogProbabilityGradient(ImmutableArray<int> selection, double weight, double[] gradient)
    {
        var logits = LogitValues();
        var taken = new bool[Width];
        for (int draw = 0; draw < selection.Length; draw++)
        {
            int row = IsIndependentRows ? draw : 0;
            var probabilities = Softmax(logits.AsSpan(row * Width, Width), IsIndependentRows ? null : taken);
            for (int o = 0; o < Width; o++) gradient[row * Width + o] -= weight * probabilities[o];
            gradient[row * Width + selection[draw]] += weight;
            taken[selection[draw]] = true;
        }
    }

    /// <summary>The most probable selection: the argmax, or for distinct draws the options with the largest logits.</summary>
    public ImmutableArray<int> Mode()
    {
        var logits = LogitValues();
        if (IsIndependentRows)
            return Enumerable.Range(0, Rows).Select(r => ArgMax(logits.AsSpan(r * Width, Width))).ToImmutableArray();
        return Enumerable.Range(0, Width).OrderByDescending(o => logits[o]).ThenBy(o => o)
            .Take(Choice.Count).ToImmutableArray();
    }

    /// <summary>The <paramref name="count"/> most probable selections with their log-probabilities, best first.</summary>
    public IReadOnlyList<(ImmutableArray<int> Selection, double LogProbability)> MostProbable(int count)
    {
        var logits = LogitValues();
        if (IsIndependentRows)
        {
            var rows = Enumerable.Range(0, Rows)
                .Select(r => (IReadOnlyList<(int, double)>)RowLogProbabilities(logits.AsSpan(r * Width, Width)))
                .ToList();
            return TopCombinations.Best(rows, count)
                .Select(c => (c.Parts.ToImmutableArray(), c.LogProbability)).ToList();
        }
        return Choice.Cardinality <= EnumerationLimit
            ? DistinctSelections().Select(s => (s, LogProbability(s, logits)))
                .OrderByDescending(e => e.Item2).Take(count).ToList()
            : BeamSearch(logits, count);
    }

    /// <summary>
    /// The entropy of the choice in nats: exact for independent rows and, by enumeration, for draws without
    /// replacement up to <see cref="EnumerationLimit"/> selections; beyond that, approximated by count × the first
    /// draw's entropy.
    /// </summary>
    public double Entropy()
    {
        var logits = LogitValues();
        if (!IsIndependentRows && Choice.Cardinality <= EnumerationLimit)
            return -DistinctSelections().Select(s => LogProbability(s, logits)).Sum(lp => lp > double.NegativeInfinity ? Math.Exp(lp) * lp : 0);
        double total = 0;
        for (int r = 0; r < Rows; r++)
            total -= Softmax(logits.AsSpan(r * Width, Width), null).Sum(p => p > 0 ? p * Math.Log(p) : 0);
        return IsIndependentRows ? total : total * Choice.Count;
    }

    private double LogProbability(ImmutableArray<int> selection, double[] logits)
    {
        if (selection.Length != Choice.Count)
            throw new ArgumentException($"Choice '{Choice.Name}' selects {Choice.Count} option(s), not {selection.Length}.");
        double total = 0;
        var taken = new bool[Width];
        for (int draw = 0; draw < selection.Length; draw++)
        {
            int row = IsIndependentRows ? draw : 0;
            total += Math.Log(Softmax(logits.AsSpan(row * Width, Width), IsIndependentRows ? null : taken)[selection[draw]]);
            taken[selection[draw]] = true;
        }
        return total;
    }

    private List<(int Option, double LogProbability)> RowLogProbabilities(ReadOnlySpan<double> row)
    {
        var probabilities = Softmax(row, null);
        return probabilities.Select((p, o) => (o, Math.Log(p))).ToList();
    }

    private IEnumerable<ImmutableArray<int>> DistinctSelections()
    {
        var prefix = new List<int>();
        return Extend(prefix);

        IEnumerable<ImmutableArray<int>> Extend(List<int> current)
        {
            if (current.Count == Choice.Count)
            {
                yield return current.ToImmutableArray();
                yield break;
            }
            for (int o = 0; o < Width; o++)
            {
                if (current.Contains(o)) continue;
                current.Add(o);
                foreach (var selection in Extend(current)) yield return selection;
                current.RemoveAt(current.Count - 1);
            }
        }
    }

    private List<(ImmutableArray<int> Selection, double LogProbability)> BeamSearch(double[] logits, int width)
    {
        var beam = new List<(ImmutableArray<int> Selection, double LogProbability)> { (ImmutableArray<int>.Empty, 0.0) };
        for (int draw = 0; draw < Choice.Count; draw++)
        {
            beam = beam.SelectMany(entry =>
                {
                    var taken = new bool[Width];
                    foreach (int o in entry.Selection) taken[o] = true;
                    var probabilities = Softmax(logits, taken);
                    return Enumerable.Range(0, Width).Where(o => !taken[o])
                        .Select(o => (entry.Selection.Add(o), entry.LogProbability + Math.Log(probabilities[o])));
                })
                .OrderByDescending(e => e.Item2).Take(width).ToList();
        }
        return beam;
    }

    private static double[] Softmax(ReadOnlySpan<double> logits, bool[]? excluded)
    {
        double max = double.NegativeInfinity;
        for (int i = 0; i < logits.Length; i++)
            if (excluded is null || !excluded[i]) max = Math.Max(max, logits[i]);
        var result = new double[logits.Length];
        double sum = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            if (excluded is not null && excluded[i]) continue;
            result[i] = Math.Exp(logits[i] - max);
            sum += result[i];
        }
        for (int i = 0; i < result.Length; i++) result[i] /= sum;
        return result;
    }

    private static int ArgMax(ReadOnlySpan<double> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
            if (values[i] > values[best]) best = i;
        return best;
    }
}
