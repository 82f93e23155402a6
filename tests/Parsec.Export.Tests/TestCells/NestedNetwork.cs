using Parsec;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Export.Tests.TestCells;

/// <summary>A cell and its candidate set nested in a static class, as the generator allows.</summary>
public static partial class Blocks
{
    [CandidateSet]
    public static class Norms
    {
        [Candidate] public static nn.Module<Tensor, Tensor> Layer(long features) => nn.LayerNorm(features);
        [Candidate] public static nn.Module<Tensor, Tensor> Affine(long features) => nn.Linear(features, features);
    }

    [SearchCell]
    public sealed partial class NormBlock : nn.Module<Tensor, Tensor>
    {
        public NormBlock(long features) : base(nameof(NormBlock))
        {
            BuildNorm(features);
            RegisterComponents();
        }

        [Choice(typeof(Norms))] private partial Tensor Norm(Tensor x);

        public override Tensor forward(Tensor x) => Norm(x) + x;
    }
}

/// <summary>A search model around the nested cell.</summary>
[SearchModel]
public sealed partial class NestedNetwork : nn.Module<Tensor, Tensor>
{
    private readonly Blocks.NormBlock block;

    public NestedNetwork(long features) : base(nameof(NestedNetwork))
    {
        block = new Blocks.NormBlock(features);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => block.call(x);
}
