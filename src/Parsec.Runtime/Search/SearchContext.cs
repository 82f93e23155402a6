using Parsec.Data;
using static TorchSharp.torch;

namespace Parsec.Search;

/// <summary>What a strategy gets for a run.</summary>
/// <param name="Evaluation">Computes loss and accuracy on a batch.</param>
/// <param name="Device">The model's device; tensors a strategy creates go there.</param>
/// <param name="Random">The run's seeded generator for sampling architectures (checkpointed by the caller).</param>
public sealed record SearchContext(IEvaluation Evaluation, Device Device, SearchRandom Random);
