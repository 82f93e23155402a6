using System;
using System.Linq;
using Parsec.SearchSpace;
using TorchSharp;
using static TorchSharp.torch;

namespace Parsec.Export.Tests.Infrastructure;

/// <summary>Runs a supernet with one architecture selected, and compares it with its export.</summary>
public static class Supernets
{
    /// <summary>
    /// Selects <paramref name="architecture"/>, runs a few training forwards so the chosen path's batch-norm statistics
    /// move away from their initial values, then returns the eval-mode output on <paramref name="input"/>.
    /// </summary>
    public static Tensor SelectedOutput(nn.Module<Tensor, Tensor> supernet, ModelArchitecture architecture, Tensor input)
    {
        ModelSearchSpace.Of(supernet).Select(architecture);
        supernet.train();
        using (no_grad())
            for (int step = 0; step < 3; step++) supernet.call(randn_like(input)).Dispose();
        supernet.eval();
        using (no_grad()) return supernet.call(input);
    }

    /// <summary>The output of the fixed model with the exported weights loaded (strictly), in eval mode.</summary>
    public static Tensor FixedOutput(nn.Module<Tensor, Tensor> fixedModel, string weightsPath, Tensor input)
    {
        fixedModel.load(weightsPath, strict: true);
        fixedModel.eval();
        using (no_grad()) return fixedModel.call(input);
    }

    public static double MaxAbsDifference(Tensor a, Tensor b)
    {
        Xunit.Assert.Equal(a.shape, b.shape);
        return (a - b).abs().max().ToDouble();
    }
}
