using System;
using System.Globalization;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>
/// The one fixed recipe every cell of a ground-truth table is trained with, from scratch: the network's size, the
/// images, and NAS-Bench-201's optimiser (SGD with Nesterov momentum 0.9, weight decay 5e-4, learning rate 0.1 on a
/// cosine schedule) shortened to a few epochs. A table is only comparable with itself: its rows share one recipe.
/// </summary>
/// <param name="CellsPerStage">N, cells of each of the network's three stages.</param>
/// <param name="Channels">C, channels of the first stage.</param>
/// <param name="TrainingImages">The first this many Fashion-MNIST training images train the cell.</param>
/// <param name="Epochs">Passes over them.</param>
/// <param name="BatchSize">Minibatch size.</param>
/// <param name="LearningRate">SGD's initial learning rate, annealed to zero on a cosine.</param>
/// <param name="WeightDecay">SGD's L2 weight decay.</param>
public sealed record CellRecipe(int CellsPerStage, int Channels, int TrainingImages, int Epochs, int BatchSize,
    double LearningRate = 0.1, double WeightDecay = 5e-4)
{
    private const int Classes = 10, InputChannels = 1;

    /// <summary>The recipe of the committed table (data/fashion-mnist.csv).</summary>
    public static CellRecipe Default { get; } = new(CellsPerStage: 1, Channels: 8, TrainingImages: 20_000, Epochs: 3, BatchSize: 64);

    /// <summary>Seconds a cell: for tests and a first look.</summary>
    public static CellRecipe Smoke { get; } = new(CellsPerStage: 1, Channels: 2, TrainingImages: 256, Epochs: 1, BatchSize: 32);

    /// <summary>The preset named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No preset has that name.</exception>
    public static CellRecipe Named(string name) => name switch
    {
        "default" => Default,
        "smoke" => Smoke,
        _ => throw new ArgumentException($"Unknown recipe '{name}': use default or smoke."),
    };

    /// <summary>
    /// A new network of the recipe's size for Fashion-MNIST (10 classes, 1 channel), with every candidate: select a cell
    /// to train it alone, or train it as a supernet.
    /// </summary>
    public NasBench201Network CreateNetwork() => new(CellsPerStage, Channels, Classes, InputChannels);

    /// <summary>The parameters of the recipe's network with only <paramref name="cell"/>'s operations (the exported model's).</summary>
    public long Parameters(NasBench201CellArchitecture cell) => NasBench201Parameters.Count(cell, CellsPerStage, Channels, Classes, InputChannels);

    /// <summary>Every figure of the recipe on one line, written at the head of a table's companion files.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"N={CellsPerStage} C={Channels} images={TrainingImages} epochs={Epochs} batch={BatchSize} lr={LearningRate} wd={WeightDecay} sgd-nesterov-cosine");
}
