using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests.TestCells;

/// <summary>
/// Modules applied in order, each output recorded in the <see cref="ActivationLedger"/>. Unlike nn.Sequential it
/// never disposes an intermediate itself (the dispose scope does), so the ledger's live count stays truthful.
/// </summary>
public sealed class Chain : nn.Module<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.ModuleList<nn.Module<Tensor, Tensor>> stages;

    public Chain(string name, params nn.Module<Tensor, Tensor>[] modules) : base(name)
    {
        stages = nn.ModuleList(modules);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) =>
        stages.Aggregate(x, (input, module) => ActivationLedger.Record(module.forward(input)));
}
