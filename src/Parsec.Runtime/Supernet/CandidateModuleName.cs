namespace Parsec.Supernet;

/// <summary>
/// The name a candidate module is registered under in its cell: the supernet registers it, the exporter keeps or
/// drops it by this name, and the fixed model declares a field of the same name so the weights load.
/// </summary>
internal static class CandidateModuleName
{
    /// <summary>Candidate <paramref name="candidate"/> of operation choice <paramref name="member"/>: <c>{Member}_{Candidate}</c>.</summary>
    public static string Of(string member, string candidate) => member + "_" + candidate;

    /// <summary>
    /// Candidate <paramref name="candidate"/> of the per-input family <paramref name="member"/> for the input named
    /// <paramref name="input"/>: <c>{Member}_{Input}_{Candidate}</c>.
    /// </summary>
    public static string Of(string member, string input, string candidate) => member + "_" + input + "_" + candidate;
}
