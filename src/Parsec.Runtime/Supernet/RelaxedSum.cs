using System.Linq;
using static TorchSharp.torch;

namespace Parsec.Supernet;

/// <summary>
/// Builds the weighted sums of a relaxed forward with as little memory as autograd allows: one running sum per
/// mixed output, each weighted term added in place and released at once.
/// </summary>
/// <remarks>
/// Backward needs no term and no partial sum (addition saves no input; a product saves its factors, not itself),
/// so holding them until the end of the step, as <c>a + w * b</c> chains do under a dispose scope, only costs memory.
/// Disposing a handle here does not free what autograd saved.
/// </remarks>
internal static class RelaxedSum
{
    /// <summary>
    /// Adds <c>weight * term</c> to <paramref name="sum"/> and returns the sum; with no sum yet, the product starts
    /// one. <paramref name="sum"/> must be a tensor this caller owns (it may be updated in place or disposed).
    /// </summary>
    public static Tensor Accumulate(Tensor? sum, Tensor weight, Tensor term)
    {
        var product = weight * term;
        if (sum is null) return product;
        if (!sum.shape.SequenceEqual(product.shape))
        {
            // A term that broadcasts to a larger shape cannot be added in place.
            var widened = sum + product;
            sum.Dispose();
            product.Dispose();
            return widened;
        }
        sum.add_(product);
        product.Dispose();
        return sum;
    }

    /// <summary><c>sum_j weights[j] * inputs[j]</c>, the relaxed result of one slot of an input choice.</summary>
    public static Tensor OfInputs(Tensor weights, Tensor[] inputs)
    {
        Tensor? sum = null;
        for (int input = 0; input < inputs.Length; input++)
        {
            using var weight = weights[input];
            sum = Accumulate(sum, weight, inputs[input]);
        }
        return sum ?? throw new System.ArgumentException("An input choice mixes at least one input.", nameof(inputs));
    }
}
