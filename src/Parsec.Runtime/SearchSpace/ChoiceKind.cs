namespace Parsec.SearchSpace;

/// <summary>What a choice selects.</summary>
public enum ChoiceKind
{
    /// <summary>One candidate operation out of a candidate set.</summary>
    Operation,

    /// <summary><see cref="Choice.Count"/> of the tensors available to a node.</summary>
    Input,

    /// <summary>One value out of a compile-time list.</summary>
    Value,
}
