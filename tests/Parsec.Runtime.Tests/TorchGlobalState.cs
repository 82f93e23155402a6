using Xunit;

namespace Parsec.Runtime.Tests;

/// <summary>
/// Tests that seed torch's global generator, compare runs bitwise or measure process memory: they run alone,
/// after the parallel tests, so no other test draws from the generator or allocates meanwhile.
/// </summary>
[CollectionDefinition(nameof(TorchGlobalState), DisableParallelization = true)]
public sealed class TorchGlobalState
{
}
