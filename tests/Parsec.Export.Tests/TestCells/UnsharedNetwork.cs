using System.Linq;
using Parsec;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Export.Tests.TestCells;

/// <summary>A cell whose instances each get their own architecture: a per-block activation and output scale.</summary>
[SearchCell(SharedArchitecture = false)]
public sealed partial class UnsharedCell : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> linear;

    public UnsharedCell(int features) : base(nameof(UnsharedCell))
    {
        linear = nn.Linear(features, features);
        BuildAct(features);
        RegisterComponents();
    }

    [Choice(typeof(Activations))] private partial Tensor Act(Tensor x);
    [ValueChoice(0.5, 2.0)] private partial double Scale { get; }

    public override Tensor forward(Tensor input) => Act(linear.call(input)) * Scale;
}

/// <summary>Three unshared cells in a row, each held in a field of its own.</summary>
[SearchModel]
public sealed partial class UnsharedNetwork : nn.Module<Tensor, Tensor>
{
    private readonly UnsharedCell first;
    private readonly UnsharedCell second;
    private readonly UnsharedCell third;

    public UnsharedNetwork(int features) : base(nameof(UnsharedNetwork))
    {
        first = new UnsharedCell(features);
        second = new UnsharedCell(features);
        third = new UnsharedCell(features);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => third.call(second.call(first.call(input)));
}

/// <summary>Unshared cells built in a loop into a module list: their module paths are blocks.0, blocks.1, ...</summary>
[SearchModel]
public sealed partial class UnsharedListNetwork : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.ModuleList<UnsharedCell> blocks = new();

    public UnsharedListNetwork(int features, int count) : base(nameof(UnsharedListNetwork))
    {
        for (int i = 0; i < count; i++) blocks.Add(new UnsharedCell(features));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => blocks.Aggregate(input, (x, block) => block.call(x));
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
