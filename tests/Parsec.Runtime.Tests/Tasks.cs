using Parsec.Data;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests;

/// <summary>Synthetic tasks with one right candidate, generated from their own seeded generator.</summary>
public static class Tasks
{
    /// <summary><c>x ~ N(0, 1)</c> of shape <c>[count, width]</c>; the label is the argmax of the first <paramref name="classes"/> features.</summary>
    public static LabeledDataset Identity(long seed, int count, int width, int classes, ScalarType dtype = ScalarType.Float32)
    {
        using var generator = new Generator((ulong)seed, CPU);
        var inputs = randn(new long[] { count, width }, dtype, generator: generator);
        return new LabeledDataset(inputs, inputs[.., ..classes].argmax(1));
    }

    /// <summary>
    /// <c>x ~ N(0, 1)</c> of shape <c>[count, 3, width]</c>; the label is the argmax of input 0's first
    /// <paramref name="classes"/> features, so only input "a" carries the signal.
    /// </summary>
    public static LabeledDataset FirstInput(long seed, int count, int width, int classes, ScalarType dtype = ScalarType.Float32)
    {
        using var generator = new Generator((ulong)seed, CPU);
        var inputs = randn(new long[] { count, 3, width }, dtype, generator: generator);
        return new LabeledDataset(inputs, inputs[.., 0, ..classes].argmax(1));
    }

    /// <summary>
    /// Regression of <c>y = x²</c> on <c>x ~ U(-2, 2)</c>, both <c>[count, 1]</c>: a curve no affine map fits, so a
    /// one-hidden-layer network needs a nonlinearity.
    /// </summary>
    public static LabeledDataset Square(long seed, int count)
    {
        using var generator = new Generator((ulong)seed, CPU);
        var inputs = rand(new long[] { count, 1 }, generator: generator) * 4 - 2;
        return LabeledDataset.ForRegression(inputs, inputs.square());
    }
}
