using System;
using System.Collections.Immutable;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Parsec.SearchSpace;

namespace Parsec.Export;

/// <summary>
/// The machine-readable lines of an exported file's header: the architecture it was exported for, and a hash of the
/// file's content (every line but the hash line itself) that tells a generated file from one edited by hand.
/// </summary>
public static class ExportHeader
{
    /// <summary>Starts the line that records the architecture as JSON keyed by distribution key.</summary>
    public const string ArchitecturePrefix = "// parsec-export-architecture: ";

    /// <summary>Starts the line that holds the content hash.</summary>
    public const string HashPrefix = "// parsec-export-hash: ";

    private const string PendingHash = HashPrefix + "pending";

    /// <summary>The hash line as a template writes it, before <see cref="Seal"/> fills it in.</summary>
    internal static string UnsealedHashLine => PendingHash;

    /// <summary>Whether <paramref name="text"/> carries a hash line that matches its content.</summary>
    public static bool IsIntact(string text)
    {
        var lines = Lines(text);
        var hashLines = lines.Where(line => line.StartsWith(HashPrefix, StringComparison.Ordinal)).ToList();
        return hashLines.Count == 1 && hashLines[0] == HashPrefix + Hash(lines);
    }

    /// <summary>The architecture recorded in an exported file's header, read against <paramref name="space"/>.</summary>
    /// <exception cref="ArgumentException">The header has no architecture line, or it does not fit the space.</exception>
    public static ModelArchitecture ReadArchitecture(string text, ModelSearchSpace space)
    {
        string? json = Lines(text).FirstOrDefault(line => line.StartsWith(ArchitecturePrefix, StringComparison.Ordinal))?
            .Substring(ArchitecturePrefix.Length);
        if (json is null || JsonNode.Parse(json) is not JsonObject cells)
            throw new ArgumentException($"The text has no '{ArchitecturePrefix.Trim()}' line with a JSON object: it is not a Parsec export.", nameof(text));
        var architectures = space.Groups.Select(group => cells[group.Key] is JsonObject cell
            ? CellArchitecture.FromJson(group.Space, cell)
            : throw new ArgumentException($"The recorded architecture has no cell '{group.Key}'.", nameof(text)));
        return new ModelArchitecture(architectures.ToImmutableArray());
    }

    /// <summary>
    /// Fills the hash line of a rendered file in.
    /// </summary>
    /// <exception cref="InvalidOperationException">The text has not exactly one hash line (a custom template dropped it).</exception>
    internal static string Seal(string text)
    {
        var lines = Lines(text);
        int count = lines.Count(line => line == PendingHash);
        if (count != 1)
            throw new InvalidOperationException(
                $"The rendered file has {count} hash lines; the File template must write {{{{ hash_line }}}} exactly once, on a line of its own.");
        return string.Join("\n", lines.Select(line => line == PendingHash ? HashPrefix + Hash(lines) : line));
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").Split('\n');

    private static string Hash(string[] lines)
    {
        var content = string.Join("\n", lines.Where(line => !line.StartsWith(HashPrefix, StringComparison.Ordinal)));
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }
}
