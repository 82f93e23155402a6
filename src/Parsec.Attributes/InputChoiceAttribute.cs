using System;

namespace Parsec;

/// <summary>
/// Declares an input choice on a partial method of a search cell whose parameters are the tensors available to a
/// node, for example <c>private partial Tensor[] Node1Inputs(Tensor s0, Tensor s1, Tensor n0);</c>. It returns the
/// <see cref="Count"/> chosen tensors (a single <c>Tensor</c> when the count is 1).
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class InputChoiceAttribute : Attribute
{
    /// <summary>How many inputs the node takes; between 1 and the number of parameters.</summary>
    public int Count { get; set; } = 1;

    /// <summary>
    /// When true (the default) the chosen inputs are distinct and drawn without replacement from one distribution;
    /// when false each slot is an independent choice over every input.
    /// </summary>
    public bool Distinct { get; set; } = true;
}
