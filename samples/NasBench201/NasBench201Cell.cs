using Parsec;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Samples.NasBench201;

/// <summary>
/// The NAS-Bench-201 cell: node 0 is the input, node j (1 to 3) is the sum over every earlier node i of the
/// operation chosen for edge i -> j applied to node i, and node 3 is the output. Every edge keeps the channel count
/// and the resolution. The six choices are declared in the order of the benchmark's string.
/// </summary>
[SearchCell]
public sealed partial class NasBench201Cell : nn.Module<Tensor, Tensor>
{
    /// <param name="channels">The channels of the input, of every node and of the output.</param>
    public NasBench201Cell(int channels) : base(nameof(NasBench201Cell))
    {
        BuildNode1From0(channels);
        BuildNode2From0(channels);
        BuildNode2From1(channels);
        BuildNode3From0(channels);
        BuildNode3From1(channels);
        BuildNode3From2(channels);
        RegisterComponents();
    }

    [Choice(typeof(NasBench201Ops))] private partial Tensor Node1From0(Tensor x);
    [Choice(typeof(NasBench201Ops))] private partial Tensor Node2From0(Tensor x);
    [Choice(typeof(NasBench201Ops))] private partial Tensor Node2From1(Tensor x);
    [Choice(typeof(NasBench201Ops))] private partial Tensor Node3From0(Tensor x);
    [Choice(typeof(NasBench201Ops))] private partial Tensor Node3From1(Tensor x);
    [Choice(typeof(NasBench201Ops))] private partial Tensor Node3From2(Tensor x);

    public override Tensor forward(Tensor input)
    {
        var node1 = Node1From0(input);
        var node2 = Node2From0(input) + Node2From1(node1);
        return Node3From0(input) + Node3From1(node1) + Node3From2(node2);
    }
}
