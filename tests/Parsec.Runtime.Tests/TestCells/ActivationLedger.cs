using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace Parsec.Runtime.Tests.TestCells;

/// <summary>
/// Counts the bytes of the intermediate tensors the test cells create that are still alive. A tensor is alive until
/// its handle is disposed, which for every intermediate is when the enclosing dispose scope ends, so at the end of a
/// forward the live bytes are what the graph holds for backward (every saved tensor is among them). Recording is off
/// unless a test turns it on; only the memory tests, which run alone, do.
/// </summary>
public static class ActivationLedger
{
    private static readonly List<Tensor> tensors = new();

    public static bool Enabled { get; set; }

    /// <summary>Records <paramref name="tensor"/> and returns it.</summary>
    public static Tensor Record(Tensor tensor)
    {
        if (Enabled) tensors.Add(tensor);
        return tensor;
    }

    /// <summary>The bytes of the recorded tensors not yet disposed (each storage counted once).</summary>
    public static long LiveBytes()
    {
        tensors.RemoveAll(tensor => tensor.IsInvalid);
        return tensors.GroupBy(tensor => tensor.Handle).Sum(group => group.First().NumberOfElements * group.First().ElementSize);
    }

    public static void Clear() => tensors.Clear();
}
