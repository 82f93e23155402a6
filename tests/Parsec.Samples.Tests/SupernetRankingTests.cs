using System;
using Parsec.Data;
using Parsec.Samples.Darts;
using Parsec.Samples.FashionMnist;
using Parsec.Search;
using Parsec.SearchSpace;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Parsec.Samples.Tests;

/// <summary>SupernetRanking: Kendall's τ-b against hand-counted pairs, and the supernet loss's weighting of a short last batch.</summary>
// Building a network draws its initial weights from torch's global generator: never beside a class that seeds it.
[Collection("torch global generator")]
public sealed class SupernetRankingTests
{
    [Theory]
    // Every pair ordered alike, then every pair reversed.
    [InlineData(new[] { 1.0, 2, 3, 4 }, new[] { 10.0, 20, 30, 40 }, 1.0)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, new[] { 4.0, 3, 2, 1 }, -1.0)]
    // Pairs (1,2) and (1,3) concordant, (2,3) discordant: (2 - 1) / 3.
    [InlineData(new[] { 1.0, 2, 3 }, new[] { 1.0, 3, 2 }, 1.0 / 3)]
    // The first pair is tied in the first list only: 2 concordant, (2 - 0) / sqrt((2 + 1) * (2 + 0)).
    [InlineData(new[] { 1.0, 1, 2 }, new[] { 1.0, 2, 3 }, 0.81649658092772603)]
    public void Kendall_tau_counts_concordant_and_discordant_pairs(double[] first, double[] second, double expected) =>
        Assert.Equal(expected, SupernetRanking.KendallTau(first, second), 12);

    [Fact]
    public void Kendall_tau_is_undefined_for_a_constant_list_or_a_single_value()
    {
        Assert.True(double.IsNaN(SupernetRanking.KendallTau([1.0, 1, 1], [1.0, 2, 3])));
        Assert.True(double.IsNaN(SupernetRanking.KendallTau([1.0], [2.0])));
    }

    [Fact]
    public void Kendall_tau_refuses_lists_of_different_lengths()
    {
        var error = Assert.Throws<ArgumentException>(() => SupernetRanking.KendallTau([1.0, 2], [1.0, 2, 3]));
        Assert.Contains("2 and 3 values", error.Message);
    }

    [Fact]
    public void The_supernet_loss_is_the_mean_over_images_with_a_short_last_batch_weighted_by_its_size()
    {
        manual_seed(5);
        var network = new DartsNetwork("NR", 4, 10, 2);
        var space = ModelSearchSpace.Of(network);
        var architecture = new ArchitectureDistribution(space).Sample(new SearchRandom(2));
        var images = new LabeledDataset(randn(5, 1, 28, 28), tensor(new long[] { 0, 1, 2, 3, 4 }));
        var evaluation = new ClassificationEvaluation();

        double loss = SupernetRanking.Loss(space, architecture, images, batchSize: 2, evaluation, CPU);

        // Batches of 2, 2 and 1 images, BatchNorm on each batch's statistics: their summed losses over 5 images.
        double summed = 0;
        using (no_grad())
            foreach (var (start, size) in new[] { (0L, 2L), (2L, 2L), (4L, 1L) })
                summed += evaluation.Evaluate(network, new Batch(images.Inputs.narrow(0, start, size), images.Labels.narrow(0, start, size)))
                    .SummedLoss.ToDouble();
        Assert.Equal(summed / 5, loss, 12);
        Assert.NotEqual(summed / 3, loss, 6);
    }
}
