namespace Parsec.Export;

/// <summary>An exported model's source, rendered.</summary>
/// <param name="FileName">The file's name: the class name and <c>.cs</c>.</param>
/// <param name="Namespace">The namespace of the exported types.</param>
/// <param name="ClassName">The exported model class's name.</param>
/// <param name="Text">The file's content, with \n line endings and a sealed hash line.</param>
public sealed record ExportedSource(string FileName, string Namespace, string ClassName, string Text);
