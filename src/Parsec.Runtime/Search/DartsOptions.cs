namespace Parsec.Search;

/// <summary>Settings of <see cref="DartsStrategy"/> (defaults from the DARTS paper).</summary>
public sealed record DartsOptions
{
    /// <summary>Adam's learning rate for α.</summary>
    public double ArchitectureLearningRate { get; init; } = 3e-4;

    /// <summary>Adam's β1 for α.</summary>
    public double ArchitectureBeta1 { get; init; } = 0.5;

    /// <summary>Adam's β2 for α.</summary>
    public double ArchitectureBeta2 { get; init; } = 0.999;

    /// <summary>Adam's weight decay for α.</summary>
    public double ArchitectureWeightDecay { get; init; } = 1e-3;

    /// <summary>Seeds α's initialisation, 1e-3 · N(0, 1).</summary>
    public long Seed { get; init; }
}
