using TorchSharp;
using Xunit;

namespace Parsec.Packaging.Tests;

/// <summary>
/// This project gets the buildTransitive fix through the repository's Directory.Build.targets, so TorchSharp must
/// load inside the dotnet test host even where the system libstdc++ predates GCC 13.
/// </summary>
public sealed class TestHostTorchSharpTests
{
    [Fact]
    public void TorchSharp_computes_in_the_test_host()
    {
        Assert.Equal(4f, torch.ones(2, 2).sum().item<float>());
    }
}
