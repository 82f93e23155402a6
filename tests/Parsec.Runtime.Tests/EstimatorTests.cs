using System;
using System.Collections.Generic;
using System.Linq;
using Parsec.Data;
using Parsec.Runtime.Tests.TestCells;
using Parsec.Search;
using Parsec.SearchSpace;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests;

/// <summary>The PARSEC estimator against exact values computed by enumerating all 216 architectures (float64).</summary>
[Collection(nameof(TorchGlobalState))]
public sealed class EstimatorTests
{
    private const int Width = 6, Classes = 3, BatchSize = 8;

    [Fact]
    public void OnlineWeightGradientsEqualTheNaiveImportanceWeightedSum()
    {
        var (space, batch) = Setup(seed: 11);
        var strategy = new ParsecStrategy(space, new ParsecOptions { Samples = 6 });
        var evaluation = new ClassificationEvaluation();
        var parameters = space.Model.parameters().ToList();

        ParsecEstimate estimate;
        using (NewDisposeScope()) estimate = strategy.Estimate(batch, null, new SearchRandom(5), evaluation, step: 0);
        var online = parameters.Select(p => p.grad is null ? null : p.grad.detach().clone()).ToList();

        // The naive way: each sample's own ∇ mean loss, kept whole, weighted once all ω are known.
        var summedLosses = new double[estimate.Samples.Length];
        var perSample = new List<List<Tensor?>>();
        for (int s = 0; s < estimate.Samples.Length; s++)
        {
            foreach (var p in parameters) p.grad = null;
            space.Select(estimate.Samples[s]);
            var summed = evaluation.Evaluate(space.Model, batch).SummedLoss;
            summedLosses[s] = summed.ToDouble();
            (summed / BatchSize).backward();
            perSample.Add(parameters.Select(p => p.grad?.detach().clone()).ToList());
        }
        var omega = Softmax(summedLosses.Select(l => -l).ToArray());
        Assert.Equal(omega, estimate.TrainingWeights.ToArray(), new Tolerance(1e-12));

        for (int i = 0; i < parameters.Count; i++)
        {
            var used = Enumerable.Range(0, omega.Length).Where(s => perSample[s][i] is not null).ToList();
            if (used.Count == 0)
            {
                Assert.Null(online[i]);
                continue;
            }
            var expected = used.Select(s => perSample[s][i]! * omega[s]).Aggregate((a, b) => a + b);
            double relative = (online[i]! - expected).norm().ToDouble() / Math.Max(expected.norm().ToDouble(), 1e-300);
            Assert.True(relative < 1e-6, $"parameter {i}: relative error {relative:E2}");
        }
    }

    [Fact]
    public void ArchitectureGradientAveragedOverDrawsMatchesTheExactGradientOfTheLogEvidence()
    {
        var (space, batch) = Setup(seed: 12);
        const double temperature = 1;
        var strategy = new ParsecStrategy(space, new ParsecOptions { Samples = 64, LikelihoodTemperature = temperature });
        var distribution = strategy.Distribution;
        var logitGenerator = new SearchRandom(3);
        foreach (var choice in distribution.Choices.SelectMany(g => g))
            choice.SetLogits(Enumerable.Range(0, choice.Rows * choice.Width).Select(_ => logitGenerator.NextGaussian()).ToArray());

        var exact = ExactGradient(space, distribution, batch, temperature);

        const int draws = 60;
        var random = new SearchRandom(9);
        var mean = ArchitectureGradient.Zero(distribution);
        for (int d = 0; d < draws; d++)
        {
            using var scope = NewDisposeScope();
            var estimate = strategy.Estimate(batch, null, random, new ClassificationEvaluation(), d);
            foreach (var p in space.Model.parameters()) p.grad = null;
            mean.Add(estimate.ArchitectureGradient, 1.0 / draws);
        }

        var exactFlat = Flatten(exact);
        var meanFlat = mean.Components.ToArray();
        double error = Math.Sqrt(exactFlat.Zip(meanFlat, (e, m) => (e - m) * (e - m)).Sum());
        double scale = Math.Sqrt(exactFlat.Sum(e => e * e));
        // Monte Carlo error over 60 draws plus the O(1/K) bias of self-normalised importance sampling with K = 64.
        Assert.True(error < 0.1 * scale, $"|mean − exact| = {error:F4}, |exact| = {scale:F4}");
        Assert.True(scale > 0.1, $"the test needs an informative likelihood: |exact| = {scale:F4}");
    }

    [Fact]
    public void WhenTheSamplesScoreAlikeTheBaselineLeavesNoArchitectureGradient()
    {
        // A temperature this high makes every ω exactly 1/K: nothing was learned, so π should not move.
        var (space, batch) = Setup(seed: 13);
        double[] withBaseline = EstimatedGradient(space, batch, new ParsecOptions { Samples = 4, LikelihoodTemperature = 1e15 }, seed: 4);
        double[] without = EstimatedGradient(space, batch, new ParsecOptions { Samples = 4, LikelihoodTemperature = 1e15, ScoreBaseline = false }, seed: 4);
        Assert.All(withBaseline, value => Assert.Equal(0, value, 12));
        Assert.True(without.Sum(v => v * v) > 0.01, "without the baseline the same draws leave score-function noise");
    }

    [Fact]
    public void TheBaselineKeepsTheMeanAndCutsTheSpreadOfTheArchitectureGradient()
    {
        var (space, batch) = Setup(seed: 14);
        const int draws = 200;
        var withBaseline = new List<double[]>();
        var without = new List<double[]>();
        // The same seed draws the same K architectures for both, so the estimates differ by the baseline alone.
        for (int d = 0; d < draws; d++)
        {
            withBaseline.Add(EstimatedGradient(space, batch, new ParsecOptions { Samples = 4, LikelihoodTemperature = BatchSize }, seed: 100 + d));
            without.Add(EstimatedGradient(space, batch, new ParsecOptions { Samples = 4, LikelihoodTemperature = BatchSize, ScoreBaseline = false }, seed: 100 + d));
        }
        double[] meanWith = Mean(withBaseline), meanWithout = Mean(without);
        double spreadWith = Spread(withBaseline, meanWith), spreadWithout = Spread(without, meanWithout);
        // Both estimate the same gradient: their means differ by Monte Carlo error only, well under the spread.
        double meanGap = Math.Sqrt(meanWith.Zip(meanWithout, (a, b) => (a - b) * (a - b)).Sum());
        Assert.True(meanGap < 3 * Math.Sqrt(spreadWithout / draws), $"means differ by {meanGap:F4}; spread without baseline {spreadWithout:F4}");
        Assert.True(spreadWith < 0.5 * spreadWithout, $"spread with baseline {spreadWith:F4}, without {spreadWithout:F4}");
    }

    [Fact]
    public void ACostPenaltyMovesPisWeightsToInBudgetArchitecturesAndLeavesTheWeightsGradientAlone()
    {
        var (space, batch) = Setup(seed: 15);
        // An architecture whose first slot reads the first input costs 3 against a budget of 1: a penalty of 2 × (3 − 1) nats.
        static double Cost(ModelArchitecture architecture) => architecture.Cells[0].Selections[0][0] == 0 ? 3 : 1;
        var plain = Estimate(space, batch, new ParsecOptions { Samples = 8 }, seed: 6);
        var budgeted = Estimate(space, batch, new ParsecOptions { Samples = 8, Cost = new CostBudget(Cost, budget: 1, penalty: 2) }, seed: 6);

        Assert.Equal(plain.Samples.ToArray(), budgeted.Samples.ToArray());
        bool[] over = budgeted.Samples.Select(sample => Cost(sample) > 1).ToArray();
        Assert.True(over.Contains(true) && over.Contains(false), "the draws should hold architectures on both sides of the budget");
        Assert.Equal(plain.TrainingWeights.ToArray(), budgeted.TrainingWeights.ToArray());

        // π's weights are softmax(ℓ − penalty): the plain weights times exp(−penalty), renormalised.
        var expected = Softmax(plain.ArchitectureWeights.Select((w, s) => Math.Log(w) - (over[s] ? 4 : 0)).ToArray());
        Assert.Equal(expected, budgeted.ArchitectureWeights.ToArray(), new Tolerance(1e-12));
        double InBudget(ParsecEstimate estimate) => estimate.ArchitectureWeights.Where((_, s) => !over[s]).Sum();
        Assert.True(InBudget(budgeted) > InBudget(plain), $"in-budget weight {InBudget(budgeted):F4} should exceed {InBudget(plain):F4}");
    }

    private static ParsecEstimate Estimate(ModelSearchSpace space, Batch batch, ParsecOptions options, long seed)
    {
        var strategy = new ParsecStrategy(space, options);
        using var scope = NewDisposeScope();
        var estimate = strategy.Estimate(batch, null, new SearchRandom(seed), new ClassificationEvaluation(), 0);
        foreach (var p in space.Model.parameters()) p.grad = null;
        return estimate;
    }

    private static double[] EstimatedGradient(ModelSearchSpace space, Batch batch, ParsecOptions options, long seed) =>
        Estimate(space, batch, options, seed).ArchitectureGradient.Components.ToArray();

    private static double[] Mean(List<double[]> vectors) =>
        Enumerable.Range(0, vectors[0].Length).Select(i => vectors.Average(v => v[i])).ToArray();

    /// <summary>The mean squared distance of the vectors from their mean.</summary>
    private static double Spread(List<double[]> vectors, double[] mean) =>
        vectors.Average(v => v.Zip(mean, (x, m) => (x - m) * (x - m)).Sum());

    /// <summary>
    /// ∇π log Σ_α exp(ℓ(α)) p(α|π), by autograd through an independent torch implementation of log p(α|π):
    /// log_softmax per draw, with the already drawn inputs masked out for distinct input choices.
    /// </summary>
    private static double[][][] ExactGradient(ModelSearchSpace space, ArchitectureDistribution distribution, Batch batch, double temperature)
    {
        var architectures = distribution.MostProbable(int.MaxValue).Select(r => r.Architecture).ToList();
        Assert.Equal(space.Size, architectures.Count);
        var leaves = distribution.Choices.Select(g => g.Select(c => c.Logits.detach().clone().requires_grad_(true)).ToArray()).ToArray();
        var terms = new List<Tensor>();
        foreach (var architecture in architectures)
        {
            double logLikelihood;
            using (no_grad())
            {
                space.Select(architecture);
                logLikelihood = -new ClassificationEvaluation().Evaluate(space.Model, batch).SummedLoss.ToDouble() / temperature;
            }
            var logPrior = zeros(1, float64);
            for (int g = 0; g < leaves.Length; g++)
                for (int c = 0; c < leaves[g].Length; c++)
                    logPrior = logPrior + LogPrior(distribution.Choices[g][c].Choice, leaves[g][c], architecture.Cells[g].Selections[c]);
            terms.Add(logPrior + logLikelihood);
        }
        cat(terms).logsumexp(0).backward();
        return leaves.Select(g => g.Select(l => l.grad!.data<double>().ToArray()).ToArray()).ToArray();
    }

    private static Tensor LogPrior(Choice choice, Tensor logits, System.Collections.Immutable.ImmutableArray<int> selection)
    {
        var total = zeros(1, float64);
        var mask = zeros(choice.Options.Length, float64);
        for (int draw = 0; draw < selection.Length; draw++)
        {
            bool independent = choice.Kind == ChoiceKind.Input && !choice.Distinct && choice.Count > 1;
            var row = independent ? logits[draw] : logits + mask;
            total = total + row.log_softmax(0)[selection[draw]];
            if (!independent) mask = mask.index_put_(tensor(double.NegativeInfinity), tensor(new long[] { selection[draw] }));
        }
        return total;
    }

    private static (ModelSearchSpace Space, Batch Batch) Setup(long seed)
    {
        manual_seed(seed);
        var model = TestModel.Enumerable(Width, Classes);
        model.to(float64);
        // Larger weights make the architectures' likelihoods differ by a few nats, so the posterior is far from
        // the prior and the gradients are not trivially zero.
        using (no_grad())
            foreach (var parameter in model.parameters()) parameter.mul_(4);
        var data = Tasks.FirstInput(seed, BatchSize, Width, Classes, ScalarType.Float64);
        return (ModelSearchSpace.Of(model), new Batch(data.Inputs, data.Labels));
    }

    private static double[] Softmax(double[] values)
    {
        double max = values.Max();
        var exp = values.Select(v => Math.Exp(v - max)).ToArray();
        double sum = exp.Sum();
        return exp.Select(e => e / sum).ToArray();
    }

    private static double[] Flatten(double[][][] gradient) => gradient.SelectMany(g => g.SelectMany(c => c)).ToArray();

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;

        public int GetHashCode(double obj) => 0;
    }
}
