using Parsec.Data;

namespace Parsec.Search;

/// <summary>One step's input.</summary>
/// <param name="Index">The step, from 0.</param>
/// <param name="Training">The training batch (the weights learn on it).</param>
/// <param name="Validation">A held-out batch when the strategy asked for one.</param>
public sealed record SearchStep(int Index, Batch Training, Batch? Validation);
