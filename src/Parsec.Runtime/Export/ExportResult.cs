using System.Collections.Generic;

namespace Parsec.Export;

/// <summary>The outcome of <see cref="ModelExporter.Export(TorchSharp.torch.nn.Module{TorchSharp.torch.Tensor, TorchSharp.torch.Tensor}, Parsec.SearchSpace.ModelArchitecture, ExportProvenance?)"/>.</summary>
/// <param name="Status">What was written.</param>
/// <param name="SourcePath">The exported source file's full path.</param>
/// <param name="WeightsPath">The weights file's full path; null when no weights were written.</param>
/// <param name="Source">The exported source, as rendered (also when it was not written).</param>
/// <param name="Warnings">Why something was left alone, one sentence each.</param>
public sealed record ExportResult(
    ExportStatus Status,
    string SourcePath,
    string? WeightsPath,
    ExportedSource Source,
    IReadOnlyList<string> Warnings);
