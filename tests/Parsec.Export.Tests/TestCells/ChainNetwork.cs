using Parsec;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Export.Tests.TestCells;

/// <summary>A search model: a stem, two chain cells that share an architecture, a pair cell and a classifier.</summary>
[SearchModel]
public sealed partial class ChainNetwork : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> stem;
    private readonly ChainCell first;
    private readonly ChainCell second;
    private readonly PairCell pair;
    private readonly nn.Module<Tensor, Tensor> classifier;

    public ChainNetwork(int inputs, int features, int classes) : base(nameof(ChainNetwork))
    {
        stem = nn.Sequential(nn.Linear(inputs, features), nn.BatchNorm1d(features));
        first = new ChainCell(features);
        second = new ChainCell(features);
        pair = new PairCell(features);
        classifier = nn.Linear(features, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var stemmed = stem.call(input);
        var a = first.call(stemmed);
        var b = second.call(a);
        return classifier.call(Mix(pair.call(a, b)));
    }

    // A helper member of the model: exported as written.
    private static Tensor Mix(Tensor x) => tanh(x);
}
