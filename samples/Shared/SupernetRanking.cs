using System;
using System.Collections.Generic;
using System.Globalization;
using Parsec.Data;
using Parsec.SearchSpace;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Samples.FashionMnist;

/// <summary>
/// How the search's shared weights rank cells, set against how the cells retrain: the proxy a weight-sharing search
/// stands on. With <c>--compare-random</c> the run scores the winner and every random cell on the search's network and
/// reports the rank correlation with their retrained test accuracies; near zero or below, the search's ranking says
/// nothing about the retrained cells at that budget.
/// </summary>
public static class SupernetRanking
{
    /// <summary>
    /// The mean loss of <paramref name="architecture"/> on <paramref name="images"/> with the search's shared weights,
    /// scored as the search scores a sample: BatchNorm on each batch's statistics, batches of <paramref name="batchSize"/>.
    /// </summary>
    public static double Loss(ModelSearchSpace space, ModelArchitecture architecture, LabeledDataset images, int batchSize, IEvaluation evaluation, Device device)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        space.Select(architecture);
        space.Model.train();
        using var noGrad = no_grad();
        double summedLoss = 0;
        for (long start = 0; start < images.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            long size = Math.Min(batchSize, images.Count - start);
            var batch = new Batch(images.Inputs.narrow(0, start, size).to(device), images.Labels.narrow(0, start, size).to(device));
            summedLoss += evaluation.Evaluate(space.Model, batch).SummedLoss.ToDouble();
        }
        return summedLoss / images.Count;
    }

    /// <summary>τ as the summary table and the report show it: signed, two decimals, "NaN" when undefined, empty when absent.</summary>
    public static string Format(double? tau) => tau?.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// Kendall's τ-b between two paired lists: +1 when they order every pair alike, −1 when oppositely; ties count
    /// neither way. NaN when one list is constant or there are fewer than two pairs.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static double KendallTau(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        if (first.Count != second.Count)
            throw new ArgumentException($"Kendall's tau pairs the lists: they hold {first.Count} and {second.Count} values.", nameof(second));
        long concordant = 0, discordant = 0, tiedFirst = 0, tiedSecond = 0;
        for (int i = 0; i < first.Count; i++)
            for (int j = i + 1; j < first.Count; j++)
            {
                int a = Math.Sign(first[i] - first[j]), b = Math.Sign(second[i] - second[j]);
                if (a == 0 && b == 0) continue;
                if (a == 0) tiedFirst++;
                else if (b == 0) tiedSecond++;
                else if (a == b) concordant++;
                else discordant++;
            }
        double untied = concordant + discordant;
        return (concordant - discordant) / Math.Sqrt((untied + tiedFirst) * (untied + tiedSecond));
    }
}
