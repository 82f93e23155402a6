using Parsec;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Export.Tests.TestCells;

/// <summary>Activations with weights of their own, so a wrong module or a missing weight changes the output.</summary>
[CandidateSet]
public static class Activations
{
    [Candidate] public static nn.Module<Tensor, Tensor> Gated(int features) => new Gate(features);
    [Candidate] public static nn.Module<Tensor, Tensor> Relu(int features) => nn.ReLU();
    [Candidate] public static nn.Module<Tensor, Tensor> Scaled(int features) => Scale(features, 0.5);

    // A helper the candidates share: the export carries it along.
    private static nn.Module<Tensor, Tensor> Scale(int features, double factor) =>
        nn.Sequential(nn.Linear(features, features), new Multiply(factor));

    /// <summary>x * sigmoid(W x): a nested module class, exported with the set.</summary>
    public sealed class Gate : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> gate;

        public Gate(int features) : base(nameof(Gate))
        {
            gate = nn.Linear(features, features);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => input * sigmoid(gate.call(input));
    }

    /// <summary>Multiplies by a constant.</summary>
    public sealed class Multiply : nn.Module<Tensor, Tensor>
    {
        private readonly double factor;

        public Multiply(double factor) : base(nameof(Multiply)) => this.factor = factor;

        public override Tensor forward(Tensor input) => input * factor;
    }
}
