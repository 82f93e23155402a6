using System;
using System.Linq;
using Parsec.Data;
using Parsec.Runtime.Tests.TestCells;
using Parsec.Search;
using Parsec.SearchSpace;
using Xunit;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests;

/// <summary>
/// Regression under a Gaussian likelihood: the loss against a hand computation, targets and evaluations that disagree
/// refused with what to use, and PARSEC finding the one activation that fits a curve.
/// </summary>
[Collection(nameof(TorchGlobalState))]
public sealed class RegressionTests
{
    // Three examples with two outputs each; the identity model passes the predictions through.
    private static readonly float[] Predictions = { 1f, 2f, 0.5f, -1f, 3f, 0f };
    private static readonly float[] Targets = { 1.5f, 2f, 0f, 1f, 2f, -0.25f };

    private static Batch PredictionBatch() => new(tensor(Predictions, 3, 2), tensor(Targets, 3, 2));

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.25)]
    [InlineData(4.0)]
    public void The_summed_loss_is_the_squared_error_over_twice_the_noise_variance(double noiseVariance)
    {
        using var identity = nn.Identity();

        var result = new RegressionEvaluation(noiseVariance).Evaluate(identity, PredictionBatch());

        double squaredError = Predictions.Zip(Targets, (p, t) => (double)(p - t) * (p - t)).Sum();
        Assert.Equal(squaredError / (2 * noiseVariance), result.SummedLoss.item<float>(), 4);
        Assert.Equal(0, result.Correct);
    }

    [Fact]
    public void The_default_noise_variance_is_one()
    {
        using var identity = nn.Identity();

        Assert.Equal(1, new RegressionEvaluation().NoiseVariance);
        Assert.Equal(new RegressionEvaluation(1).Evaluate(identity, PredictionBatch()).SummedLoss.item<float>(),
            new RegressionEvaluation().Evaluate(identity, PredictionBatch()).SummedLoss.item<float>());
    }

    [Fact]
    public void The_loss_keeps_its_graph()
    {
        var predictions = tensor(Predictions, 3, 2).requires_grad_();
        using var identity = nn.Identity();

        new RegressionEvaluation(0.5).Evaluate(identity, new Batch(predictions, tensor(Targets, 3, 2))).SummedLoss.backward();

        // d/dp Σ (p − t)² / (2σ²) = (p − t) / σ².
        var expected = Predictions.Zip(Targets, (p, t) => (p - t) / 0.5f).ToArray();
        Assert.Equal(expected, predictions.grad!.data<float>().ToArray());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_noise_variance_that_is_not_positive_and_finite_is_refused_with_what_to_pass(double noiseVariance)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RegressionEvaluation(noiseVariance));
        Assert.Contains("positive finite", error.Message);
    }

    [Fact]
    public void A_prediction_shaped_unlike_the_targets_is_refused()
    {
        using var identity = nn.Identity();
        var error = Assert.Throws<ArgumentException>(() =>
            new RegressionEvaluation().Evaluate(identity, new Batch(zeros(4, 1), zeros(4))));
        Assert.Contains("[4, 1]", error.Message);
        Assert.Contains("[4]", error.Message);
    }

    [Fact]
    public void Regression_targets_of_any_shape_are_batched_whole()
    {
        var dataset = LabeledDataset.ForRegression(arange(10, float32).reshape(5, 2), arange(30, float64).reshape(5, 2, 3));

        var batch = new ShuffledBatches(dataset, 2, seed: 1).Next(CPU);

        Assert.True(dataset.IsRegression);
        Assert.Equal(new long[] { 2, 2, 3 }, batch.Labels.shape);
        Assert.Equal(ScalarType.Float64, batch.Labels.dtype);
    }

    [Fact]
    public void Class_labels_that_are_floats_say_to_use_the_regression_dataset()
    {
        var error = Assert.Throws<ArgumentException>(() => new LabeledDataset(zeros(5, 2), zeros(5)));
        Assert.Contains("LabeledDataset.ForRegression", error.Message);
        Assert.Contains("RegressionEvaluation", error.Message);
    }

    [Fact]
    public void Regression_targets_that_are_class_indices_say_to_use_the_classification_dataset()
    {
        var error = Assert.Throws<ArgumentException>(() => LabeledDataset.ForRegression(zeros(5, 2), zeros(5, int64)));
        Assert.Contains("new LabeledDataset(inputs, labels)", error.Message);
        Assert.Contains("ClassificationEvaluation", error.Message);
    }

    [Fact]
    public void Misaligned_regression_targets_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => LabeledDataset.ForRegression(zeros(5, 2), zeros(4, 1)));
        Assert.Contains("5 rows", error.Message);
    }

    [Fact]
    public void The_regression_evaluation_given_class_indices_says_to_use_the_classification_one()
    {
        using var identity = nn.Identity();
        var error = Assert.Throws<ArgumentException>(() =>
            new RegressionEvaluation().Evaluate(identity, new Batch(zeros(4, 3), zeros(4, int64))));
        Assert.Contains("ClassificationEvaluation", error.Message);
    }

    [Fact]
    public void A_search_of_regression_targets_with_the_default_classification_evaluation_says_to_use_the_regression_one()
    {
        manual_seed(1);
        var strategy = new ParsecStrategy(ModelSearchSpace.Of(ActivationCell.Regressor(4)), new ParsecOptions { UseTrainingBatchForArchitecture = true });

        var error = Assert.Throws<ArgumentException>(() =>
            new ArchitectureSearch(strategy, new SearchOptions { Steps = 1, BatchSize = 8 }).Run(Tasks.Square(1, 16)));

        Assert.Contains("SearchOptions.Evaluation = new RegressionEvaluation()", error.Message);
    }

    /// <summary>
    /// <c>y = x²</c> is even in x, so the best affine fit is a constant: Identity fits no better than Zero, and only
    /// Relu can bend the hidden layer into the curve. The warm-up lets the weights learn before π moves (as in
    /// <see cref="LearningTests"/>).
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Parsec_finds_the_only_activation_that_fits_a_square(long seed)
    {
        manual_seed(seed);
        var strategy = new ParsecStrategy(ModelSearchSpace.Of(ActivationCell.Regressor(16)), new ParsecOptions
        {
            ArchitectureLearningRate = 0.05, ArchitectureWarmupSteps = 40, UseTrainingBatchForArchitecture = true,
        });

        var result = new ArchitectureSearch(strategy, new SearchOptions
        {
            Steps = 160, BatchSize = 32, Seed = seed, WeightLearningRate = 0.05, Evaluation = new RegressionEvaluation(),
        }).Run(Tasks.Square(seed, 512));

        double relu = strategy.Distribution.Choices[0][0].Probabilities()[0][1];
        Assert.True(relu > 0.9, $"p(Relu) = {relu:F3}\n{result.Describe()}");
        Assert.Equal("Relu", ActivationCell.Space.Choices[0].Options[result.Best.Cells[0][0]]);
        Assert.All(result.History, record => Assert.Equal(0, record.Figures.Accuracy));
    }
}
