using Parsec.Export.Tests.TestCells;
using Parsec.SearchSpace;

namespace Parsec.Export.Tests.Infrastructure;

/// <summary>The chain network the file tests export, and two of its architectures.</summary>
public static class ChainModels
{
    public const string ExportedType = "Parsec.Export.Tests.TestCells.Exported.ChainNetwork";

    public static readonly object[] Arguments = { 6, 5, 3 };

    public static ChainNetwork Create() => new(inputs: 6, features: 5, classes: 3);

    public static ModelArchitecture First(ChainNetwork model) =>
        Architectures.Parse(ModelSearchSpace.Of(model), GoldenExportTests.ChainArchitecture);

    public static ModelArchitecture Second(ChainNetwork model) => Architectures.Random(ModelSearchSpace.Of(model), seed: 99);
}
