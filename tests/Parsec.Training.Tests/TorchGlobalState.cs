using Xunit;

namespace Parsec.Training.Tests;

/// <summary>Tests that compare runs bitwise: they run alone, so no other test draws from torch's generator meanwhile.</summary>
[CollectionDefinition(nameof(TorchGlobalState), DisableParallelization = true)]
public sealed class TorchGlobalState
{
}
