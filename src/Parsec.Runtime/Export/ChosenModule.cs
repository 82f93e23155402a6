using Parsec.SearchSpace;

namespace Parsec.Export;

/// <summary>
/// One candidate module the fixed cell keeps, named as the supernet registers it (<c>{Member}_{Candidate}</c>, or
/// <c>{Member}_{InputName}_{Candidate}</c> in a family) so the chosen path's weights load into it.
/// </summary>
/// <param name="Name">The registered module name, also the exported field's name.</param>
/// <param name="Member">The choice member that calls it.</param>
/// <param name="Set">The candidate set.</param>
/// <param name="Candidate">The candidate's name.</param>
/// <param name="Input">For a family member: the index of the input the module belongs to; -1 otherwise.</param>
internal sealed record ChosenModule(string Name, string Member, CandidateSetSource Set, string Candidate, int Input = -1)
{
    /// <summary>The module field's type: the candidate's return type as written.</summary>
    public string FieldType => MemberText.ReturnType(Set.CandidateSources[Set.Candidates.IndexOf(Candidate)], Candidate);
}
