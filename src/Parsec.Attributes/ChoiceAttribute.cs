using System;

namespace Parsec;

/// <summary>
/// Declares an operation choice on a partial method of a search cell: calling the method runs the chosen candidate
/// of <see cref="Candidates"/>. Plain form: <c>private partial Tensor Act(Tensor x);</c>.
/// With <see cref="PerInput"/> the method is a family of choices, one per slot of the named input choice, and takes
/// the slot: <c>private partial Tensor Node0Op(int slot, Tensor x);</c>; candidate weights are then kept per
/// (input, candidate) and shared by the slots, as in the DARTS supernet.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class ChoiceAttribute : Attribute
{
    /// <summary>Creates an operation choice over the candidates of <paramref name="candidates"/>.</summary>
    /// <param name="candidates">A class marked <see cref="CandidateSetAttribute"/>.</param>
    public ChoiceAttribute(Type candidates) => Candidates = candidates;

    /// <summary>The candidate set.</summary>
    public Type Candidates { get; }

    /// <summary>The name of an input choice of the same cell; see the class remarks.</summary>
    public string? PerInput { get; set; }
}
