using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;

namespace Parsec.Export;

/// <summary>
/// The Scriban templates that lay out an exported model: the embedded ones, each of which a user can replace with
/// their own text or with a same-named file from a folder. <see cref="Names"/> lists them; docs/export.md describes
/// what each receives.
/// </summary>
public sealed class ExportTemplates
{
    private readonly ImmutableDictionary<string, string> replacements;

    private ExportTemplates(ImmutableDictionary<string, string> replacements) => this.replacements = replacements;

    /// <summary>The template names.</summary>
    public static ImmutableArray<string> Names { get; } = ImmutableArray.Create(
        "File.scriban", "Type.scriban", "OperationChoice.scriban", "FamilyChoice.scriban", "InputChoice.scriban", "ValueChoice.scriban");

    /// <summary>Parsec's own templates.</summary>
    public static ExportTemplates Embedded { get; } = new(ImmutableDictionary<string, string>.Empty);

    /// <summary>The embedded templates, with each one that <paramref name="directory"/> holds a file of the same name for replaced by it.</summary>
    public static ExportTemplates FromDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"The template folder '{directory}' does not exist.");
        var templates = Embedded;
        foreach (string name in Names)
        {
            string path = Path.Combine(directory, name);
            if (File.Exists(path)) templates = templates.With(name, File.ReadAllText(path));
        }
        return templates;
    }

    /// <summary>These templates with <paramref name="name"/> replaced by <paramref name="text"/>.</summary>
    public ExportTemplates With(string name, string text)
    {
        if (!Names.Contains(name))
            throw new ArgumentException($"There is no export template '{name}'; the templates are {string.Join(", ", Names)}.", nameof(name));
        ArgumentNullException.ThrowIfNull(text);
        return new ExportTemplates(replacements.SetItem(name, text));
    }

    /// <summary>The text of template <paramref name="name"/>, with \n line endings.</summary>
    public string Text(string name)
    {
        if (!replacements.TryGetValue(name, out var text))
        {
            using var stream = typeof(ExportTemplates).Assembly.GetManifestResourceStream("Parsec.Export.Templates." + name)
                ?? throw new ArgumentException($"There is no export template '{name}'.", nameof(name));
            using var reader = new StreamReader(stream);
            text = reader.ReadToEnd();
        }
        return text.Replace("\r\n", "\n");
    }
}
