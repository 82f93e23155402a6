using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests.TestCells;

/// <summary>Candidate operations of the test cells.</summary>
public static class Candidates
{
    public static nn.Module<Tensor, Tensor> Identity() => nn.Identity();

    public static nn.Module<Tensor, Tensor> Zero() => new Lambda("Zero", x => ActivationLedger.Record(zeros_like(x)));

    /// <summary>Fresh standard-normal noise of the input's shape: carries no information about it.</summary>
    public static nn.Module<Tensor, Tensor> Noise() => new Lambda("Noise", x => ActivationLedger.Record(randn_like(x)));

    /// <summary>Linear followed by <paramref name="activation"/>; both outputs go to the <see cref="ActivationLedger"/>.</summary>
    public static nn.Module<Tensor, Tensor> Dense(int width, nn.Module<Tensor, Tensor> activation) =>
        new Chain("Dense", nn.Linear(width, width), activation);

    private sealed class Lambda : nn.Module<Tensor, Tensor>
    {
        private readonly System.Func<Tensor, Tensor> body;

        public Lambda(string name, System.Func<Tensor, Tensor> body) : base(name) => this.body = body;

        public override Tensor forward(Tensor x) => body(x);
    }
}
