using System;
using System.Linq;
using Parsec.Data;
using Xunit;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests;

/// <summary>The loss is cross-entropy against the labels, or against labels smoothed evenly over the classes.</summary>
[Collection(nameof(TorchGlobalState))]
public sealed class ClassificationEvaluationTests
{
    // Two examples, three classes; the identity model passes the logits through.
    private static readonly float[][] Logits = { new[] { 2f, 0.5f, -1f }, new[] { 0f, 1f, 3f } };
    private static readonly long[] Labels = { 0, 1 };

    private static Batch LogitsBatch() => new(tensor(Logits.SelectMany(row => row).ToArray(), 2, 3), tensor(Labels));

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    public void The_summed_loss_is_the_smoothed_cross_entropy_computed_by_hand(double smoothing)
    {
        using var identity = nn.Identity();
        var batch = LogitsBatch();

        var result = new ClassificationEvaluation(smoothing).Evaluate(identity, batch);

        double expected = 0;
        for (int i = 0; i < Logits.Length; i++)
        {
            double logSumExp = Math.Log(Logits[i].Sum(logit => Math.Exp(logit)));
            double[] negativeLogProbabilities = Logits[i].Select(logit => logSumExp - logit).ToArray();
            expected += (1 - smoothing) * negativeLogProbabilities[Labels[i]] + smoothing * negativeLogProbabilities.Average();
        }
        Assert.Equal(expected, result.SummedLoss.item<float>(), 4);
        Assert.Equal(1, result.Correct);
    }

    [Fact]
    public void No_smoothing_is_the_parameterless_evaluations_loss()
    {
        using var identity = nn.Identity();
        var batch = LogitsBatch();

        float plain = new ClassificationEvaluation().Evaluate(identity, batch).SummedLoss.item<float>();

        Assert.Equal(plain, new ClassificationEvaluation(0).Evaluate(identity, batch).SummedLoss.item<float>());
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_smoothing_outside_zero_to_one_is_refused_with_what_to_pass(double smoothing)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ClassificationEvaluation(smoothing));
        Assert.Contains("[0, 1)", error.Message);
    }
}
