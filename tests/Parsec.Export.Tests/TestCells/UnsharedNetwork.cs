using Parsec;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Export.Tests.TestCells;

/// <summary>A cell whose instances each get their own architecture.</summary>
[SearchCell(SharedArchitecture = false)]
public sealed partial class UnsharedCell : nn.Module<Tensor, Tensor>
{
    public UnsharedCell(int features) : base(nameof(UnsharedCell))
    {
        BuildAct(features);
        RegisterComponents();
    }

    [Choice(typeof(Activations))] private partial Tensor Act(Tensor x);

    public override Tensor forward(Tensor input) => Act(input);
}

/// <summary>Two unshared cells in a row.</summary>
[SearchModel]
public sealed partial class UnsharedNetwork : nn.Module<Tensor, Tensor>
{
    private readonly UnsharedCell first;
    private readonly UnsharedCell second;

    public UnsharedNetwork(int features) : base(nameof(UnsharedNetwork))
    {
        first = new UnsharedCell(features);
        second = new UnsharedCell(features);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => second.call(first.call(input));
}

/// <summary>A network of search cells that is not marked [SearchModel]: it cannot be exported.</summary>
public sealed class UnmarkedNetwork : nn.Module<Tensor, Tensor>
{
    private readonly ChainCell cell;

    public UnmarkedNetwork(int features) : base(nameof(UnmarkedNetwork))
    {
        cell = new ChainCell(features);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => cell.call(input);
}
