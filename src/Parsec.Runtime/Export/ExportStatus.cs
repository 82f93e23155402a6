namespace Parsec.Export;

/// <summary>What an export did with its files.</summary>
public enum ExportStatus
{
    /// <summary>The source (and the weights, when asked for) were written.</summary>
    Written,

    /// <summary>The existing source is byte-identical to the new one; only the weights were written, when asked for.</summary>
    SourceUnchanged,

    /// <summary>The existing source was edited by hand, so nothing was written (see <see cref="ExportOptions.Overwrite"/>).</summary>
    SkippedHandEdited,
}
