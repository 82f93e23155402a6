using System.IO;

namespace Parsec.Export;

/// <summary>An exported file was edited by hand, and the export was asked to throw rather than skip it.</summary>
public sealed class HandEditedFileException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public HandEditedFileException(string path)
        : base($"'{path}' was edited by hand since Parsec exported it (its content no longer matches the hash in its header); " +
               "nothing was written. Set ExportOptions.Overwrite to replace it, or export elsewhere.")
        => Path = path;

    /// <summary>The hand-edited file.</summary>
    public string Path { get; }
}
