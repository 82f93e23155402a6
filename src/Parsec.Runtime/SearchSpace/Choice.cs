using System;
using System.Collections.Immutable;

namespace Parsec.SearchSpace;

/// <summary>
/// One categorical decision of a search cell, as the generator describes it.
/// </summary>
/// <param name="Name">
/// The user's member name; a member of an operation family (<see cref="ChoiceAttribute.PerInput"/>) is named
/// <c>Member[slot]</c>.
/// </param>
/// <param name="Kind">What the choice selects.</param>
/// <param name="Options">
/// Operation: candidate names (method names). Input: the names of the available inputs (the method's parameters).
/// Value: each value as C# source text (<c>3</c>, <c>0.5</c>, <c>"relu"</c>).
/// </param>
/// <param name="Count">How many options an input choice takes; 1 for the other kinds.</param>
/// <param name="Distinct">Whether an input choice's options are distinct (drawn without replacement).</param>
/// <param name="Member">The user's member the choice belongs to (equal to <paramref name="Name"/> but for families).</param>
/// <param name="Slot">The slot of a family member; 0 otherwise.</param>
/// <param name="PerInput">For a family member: the name of the input choice whose chosen input selects the weights.</param>
/// <param name="CandidateSet">For an operation choice: the candidate set, with the source of every candidate.</param>
/// <param name="Declaration">
/// The member's declaration as written, without attributes, the <c>partial</c> keyword or a trailing semicolon
/// (<c>private Tensor Act(Tensor x)</c>, <c>private int Depth</c>): the exporter gives it a fixed body.
/// </param>
public sealed record Choice(
    string Name,
    ChoiceKind Kind,
    ImmutableArray<string> Options,
    int Count = 1,
    bool Distinct = true,
    string? Member = null,
    int Slot = 0,
    string? PerInput = null,
    CandidateSetSource? CandidateSet = null,
    string Declaration = "")
{
    /// <summary>The user's member the choice belongs to.</summary>
    public string Member { get; init; } = Member ?? Name;

    /// <summary>How many distinct selections the choice has.</summary>
    public double Cardinality => Kind switch
    {
        ChoiceKind.Input when Distinct => FallingFactorial(Options.Length, Count),
        ChoiceKind.Input => Math.Pow(Options.Length, Count),
        _ => Options.Length,
    };

    /// <summary>Value equality that compares the option lists element by element.</summary>
    public bool Equals(Choice? other) =>
        other is not null
        && Name == other.Name && Kind == other.Kind && Count == other.Count && Distinct == other.Distinct
        && Member == other.Member && Slot == other.Slot && PerInput == other.PerInput
        && Options.AsSpan().SequenceEqual(other.Options.AsSpan())
        && Equals(CandidateSet, other.CandidateSet) && Declaration == other.Declaration;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Kind, Options.Length, Count, Member, Slot);

    private static double FallingFactorial(int n, int k)
    {
        double result = 1;
        for (int i = 0; i < k; i++) result *= n - i;
        return result;
    }
}
