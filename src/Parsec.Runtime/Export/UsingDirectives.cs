using System;
using System.Collections.Generic;
using System.Linq;
using Parsec.SearchSpace;

namespace Parsec.Export;

/// <summary>
/// The using directives of the exported file: those of every captured declaring file, once each, in order of first
/// appearance, without the ones that name Parsec's own namespaces or types (the exported code must not need Parsec).
/// </summary>
internal static class UsingDirectives
{
    private static readonly Lazy<(HashSet<string> Namespaces, HashSet<string> Types)> Parsec = new(() =>
    {
        var types = new[] { typeof(SearchCellAttribute).Assembly, typeof(ISearchCell).Assembly }
            .SelectMany(assembly => assembly.GetExportedTypes())
            .ToList();
        return (types.Select(type => type.Namespace ?? "").ToHashSet(StringComparer.Ordinal),
                types.Select(type => type.FullName!.Replace('+', '.')).ToHashSet(StringComparer.Ordinal));
    });

    public static IReadOnlyList<string> Merge(IEnumerable<string> directives) =>
        directives.Select(directive => directive.Trim()).Distinct(StringComparer.Ordinal).Where(directive => !NamesParsec(directive)).ToList();

    private static bool NamesParsec(string directive)
    {
        string target = Target(directive);
        var (namespaces, types) = Parsec.Value;
        return namespaces.Contains(target) || types.Contains(target);
    }

    /// <summary>The namespace or type a directive names: <c>using static A.B;</c> and <c>using X = A.B;</c> name <c>A.B</c>.</summary>
    private static string Target(string directive)
    {
        var text = directive.TrimEnd(';').Trim();
        foreach (string prefix in new[] { "global ", "using ", "static " })
            if (text.StartsWith(prefix, StringComparison.Ordinal)) text = text.Substring(prefix.Length).TrimStart();
        int alias = text.IndexOf('=');
        if (alias >= 0) text = text.Substring(alias + 1);
        return text.Trim().Replace("global::", "");
    }
}
