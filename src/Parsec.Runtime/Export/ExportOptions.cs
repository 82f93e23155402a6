namespace Parsec.Export;

/// <summary>Where and how <see cref="ModelExporter"/> writes the fixed model.</summary>
public sealed record ExportOptions
{
    /// <summary>
    /// The folder the source and the weights go to; a folder inside the user's project makes the next build compile
    /// the exported model. Defaults to the current directory.
    /// </summary>
    public string OutputDirectory { get; init; } = ".";

    /// <summary>The exported code's namespace; null: the model's namespace followed by <c>.Exported</c>.</summary>
    public string? Namespace { get; init; }

    /// <summary>The exported model class's name (the file is named after it); null: the model class's own name.</summary>
    public string? ClassName { get; init; }

    /// <summary>Replace a file whose content no longer matches the hash in its header (edited by hand).</summary>
    public bool Overwrite { get; init; }

    /// <summary>Throw <see cref="HandEditedFileException"/> rather than report a skipped hand-edited file.</summary>
    public bool ThrowIfHandEdited { get; init; }

    /// <summary>Write the chosen path's weights next to the source.</summary>
    public bool WriteWeights { get; init; } = true;

    /// <summary>
    /// A TorchSharp weights file of the supernet (<c>model.save(path)</c>) to take the weights from; null: the model's
    /// current weights. A file of another model is an error that names the first mismatch.
    /// </summary>
    public string? SupernetWeights { get; init; }

    /// <summary>The Scriban templates that lay out the source.</summary>
    public ExportTemplates Templates { get; init; } = ExportTemplates.Embedded;
}
