using System;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests.TestCells;

/// <summary>A body of search cells followed by a linear classifier head.</summary>
public sealed class TestModel : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> body;
    private readonly Linear head;

    public TestModel(nn.Module<Tensor, Tensor> body, int width, int classes) : base(nameof(TestModel))
    {
        this.body = body;
        head = nn.Linear(width, classes);
        RegisterComponents();
    }

    /// <summary>Called at the end of every forward, when all of the forward's activations are alive.</summary>
    public Action? AfterForward { get; set; }

    /// <summary>[Identity | Zero | Noise] on <c>[B, width]</c>.</summary>
    public static TestModel Operation(int width, int classes) => new(new Chain("Body", new OperationCell()), width, classes);

    /// <summary>One of three inputs of <c>[B, 3, width]</c>.</summary>
    public static TestModel Input(int width, int classes) => new(new Chain("Body", new InputCell()), width, classes);

    /// <summary><paramref name="depth"/> unshared four-way dense cells on <c>[B, width]</c>.</summary>
    public static TestModel Dense(int width, int classes, int depth)
    {
        var cells = new nn.Module<Tensor, Tensor>[depth];
        for (int i = 0; i < depth; i++) cells[i] = new DenseCell(width);
        return new TestModel(new Chain("Body", cells), width, classes);
    }

    /// <summary>
    /// Every kind of choice on <c>[B, 3, width]</c>: distinct pair + independent pair of inputs, then a dense cell;
    /// 6 × 9 × 4 = 216 architectures, all deterministic.
    /// </summary>
    public static TestModel Enumerable(int width, int classes) =>
        new(new MixedInputs(width), width, classes);

    public override Tensor forward(Tensor x)
    {
        var output = ActivationLedger.Record(head.forward(body.forward(x)));
        AfterForward?.Invoke();
        return output;
    }

    private sealed class MixedInputs : nn.Module<Tensor, Tensor>
    {
        private readonly PairInputCell pair = new();
        private readonly RepeatedInputCell repeated = new();
        private readonly DenseCell dense;

        public MixedInputs(int width) : base(nameof(MixedInputs))
        {
            dense = new DenseCell(width);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x) => dense.forward(pair.forward(x) + repeated.forward(x));
    }
}
