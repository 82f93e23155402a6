using System.Collections.Immutable;

namespace Parsec.SearchSpace;

/// <summary>
/// Builds a <see cref="CellSearchSpace"/> member by member, in declaration order: each call adds the
/// <see cref="Choice"/> entries of one choice member (a <c>PerInput</c> family one per slot). Generated cells make
/// their <c>Space</c> with it; a hand-written <see cref="ISearchCell"/> can too.
/// </summary>
/// <example>
/// <code>
/// var space = new CellSearchSpaceBuilder("Darts.NormalCell", sharedArchitecture: true)
///     .Input("Node0Inputs", 2, true, "private Tensor[] Node0Inputs(Tensor s0, Tensor s1)", "s0", "s1")
///     .Family("Node0Op", 2, "Node0Inputs", dartsOps, "private Tensor Node0Op(int slot, Tensor x)")
///     .Build(source);
/// </code>
/// </example>
public sealed class CellSearchSpaceBuilder
{
    private readonly string cellType;
    private readonly bool sharedArchitecture;
    private readonly ImmutableArray<Choice>.Builder choices = ImmutableArray.CreateBuilder<Choice>();

    /// <summary>Starts the search space of <paramref name="cellType"/>.</summary>
    /// <param name="cellType">The cell's fully qualified type name, without <c>global::</c> (<see cref="CellSearchSpace.CellType"/>).</param>
    /// <param name="sharedArchitecture">Whether all instances share one architecture (<see cref="CellSearchSpace.SharedArchitecture"/>).</param>
    public CellSearchSpaceBuilder(string cellType, bool sharedArchitecture = true)
    {
        this.cellType = cellType;
        this.sharedArchitecture = sharedArchitecture;
    }

    /// <summary>Adds an operation choice over the candidates of <paramref name="candidateSet"/>.</summary>
    /// <param name="name">The member's name.</param>
    /// <param name="candidateSet">The candidate set, whose candidates are the options.</param>
    /// <param name="declaration">The member's declaration as written (<see cref="Choice.Declaration"/>).</param>
    public CellSearchSpaceBuilder Operation(string name, CandidateSetSource candidateSet, string declaration)
    {
        choices.Add(new Choice(name, ChoiceKind.Operation, candidateSet.Candidates, CandidateSet: candidateSet, Declaration: declaration));
        return this;
    }

    /// <summary>
    /// Adds a <c>PerInput</c> family: one operation choice per slot of input choice <paramref name="perInput"/>, named
    /// <c>Member[slot]</c>.
    /// </summary>
    /// <param name="member">The member's name.</param>
    /// <param name="slots">The number of slots: the input choice's count.</param>
    /// <param name="perInput">The input choice whose chosen input selects the weights of each slot.</param>
    /// <param name="candidateSet">The candidate set, whose candidates are the options.</param>
    /// <param name="declaration">The member's declaration as written (<see cref="Choice.Declaration"/>).</param>
    public CellSearchSpaceBuilder Family(string member, int slots, string perInput, CandidateSetSource candidateSet, string declaration)
    {
        for (int slot = 0; slot < slots; slot++)
            choices.Add(new Choice($"{member}[{slot}]", ChoiceKind.Operation, candidateSet.Candidates, Member: member, Slot: slot,
                PerInput: perInput, CandidateSet: candidateSet, Declaration: declaration));
        return this;
    }

    /// <summary>Adds an input choice that takes <paramref name="count"/> of <paramref name="inputs"/>.</summary>
    /// <param name="name">The member's name.</param>
    /// <param name="count">How many inputs it takes (<see cref="Choice.Count"/>).</param>
    /// <param name="distinct">Whether the inputs taken are distinct (<see cref="Choice.Distinct"/>).</param>
    /// <param name="declaration">The member's declaration as written (<see cref="Choice.Declaration"/>).</param>
    /// <param name="inputs">The names of the available inputs, the method's parameters.</param>
    public CellSearchSpaceBuilder Input(string name, int count, bool distinct, string declaration, params string[] inputs)
    {
        choices.Add(new Choice(name, ChoiceKind.Input, ImmutableArray.Create(inputs), Count: count, Distinct: distinct, Declaration: declaration));
        return this;
    }

    /// <summary>Adds a value choice.</summary>
    /// <param name="name">The member's name.</param>
    /// <param name="declaration">The member's declaration as written (<see cref="Choice.Declaration"/>).</param>
    /// <param name="values">Each value as C# source text (<c>3</c>, <c>0.5</c>, <c>"relu"</c>).</param>
    public CellSearchSpaceBuilder Value(string name, string declaration, params string[] values)
    {
        choices.Add(new Choice(name, ChoiceKind.Value, ImmutableArray.Create(values), Declaration: declaration));
        return this;
    }

    /// <summary>The search space of the choices added so far, with the cell's own source.</summary>
    public CellSearchSpace Build(SourceCapture source) => new(cellType, sharedArchitecture, choices.ToImmutable(), source);
}
