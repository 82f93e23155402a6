using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parsec.Persistence;
using Parsec.SearchSpace;

namespace Parsec.Search;

/// <summary>
/// The versioned JSON form of an <see cref="ArchitectureDistribution"/>: logits keyed by distribution key, choice
/// name and option name, so a distribution learned on one model warm-starts another with the same cell types.
/// </summary>
internal static class DistributionFile
{
    private const string Format = "parsec-distribution";
    private const int Version = 1;

    public static void Save(ArchitectureDistribution distribution, string path)
    {
        var cells = new JsonArray();
        for (int g = 0; g < distribution.Space.Groups.Length; g++)
        {
            var group = distribution.Space.Groups[g];
            var choices = new JsonArray();
            foreach (var choice in distribution.Choices[g])
            {
                var logits = choice.LogitValues();
                var rows = new JsonArray(Enumerable.Range(0, choice.Rows)
                    .Select(r => (JsonNode)new JsonArray(logits.Skip(r * choice.Width).Take(choice.Width)
                        .Select(v => (JsonNode?)JsonValue.Create(v)).ToArray())).ToArray());
                choices.Add(new JsonObject
                {
                    ["name"] = choice.Choice.Name,
                    ["kind"] = choice.Choice.Kind.ToString(),
                    ["count"] = choice.Choice.Count,
                    ["distinct"] = choice.Choice.Distinct,
                    ["options"] = new JsonArray(choice.Choice.Options.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray()),
                    ["logits"] = rows,
                });
            }
            cells.Add(new JsonObject
            {
                ["key"] = group.Key,
                ["cellType"] = group.Space.CellType,
                ["modulePath"] = group.ModulePath,
                ["choices"] = choices,
            });
        }
        var root = new JsonObject { ["format"] = Format, ["version"] = Version, ["cells"] = cells };
        AtomicFile.Write(path, stream =>
        {
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            root.WriteTo(writer);
        });
    }

    public static DistributionLoadResult Load(ArchitectureDistribution distribution, string path, bool allowPartial)
    {
        var fileChoices = Read(path);
        var loaded = ImmutableArray.CreateBuilder<string>();
        var skipped = ImmutableArray.CreateBuilder<string>();
        var updates = new List<(ChoiceDistribution Target, double[] Logits)>();
        var used = new HashSet<string>();

        for (int g = 0; g < distribution.Space.Groups.Length; g++)
            foreach (var target in distribution.Choices[g])
            {
                string name = $"{distribution.Space.Groups[g].Key}.{target.Choice.Name}";
                used.Add(name);
                string? problem = fileChoices.TryGetValue(name, out var stored)
                    ? Match(target, stored, out var logits) ?? Accept(target, logits!)
                    : "is not in the file";
                if (problem is null) loaded.Add(name);
                else Reject(name, problem);
            }
        foreach (string name in fileChoices.Keys.Where(name => !used.Contains(name)))
            Reject(name, "is in the file but not in the model");

        foreach (var (target, logits) in updates) target.SetLogits(logits);
        return new DistributionLoadResult(loaded.ToImmutable(), skipped.ToImmutable());

        string? Accept(ChoiceDistribution target, double[] logits)
        {
            updates.Add((target, logits));
            return null;
        }

        void Reject(string name, string problem)
        {
            if (!allowPartial)
                throw new ArgumentException(
                    $"The distribution file '{path}' does not match the model: choice {name} {problem}. " +
                    "Load with allowPartial: true to load the matching choices only.", nameof(path));
            skipped.Add($"{name} {problem}");
        }
    }

    /// <summary>The file's choices keyed <c>key.choice</c>; a file that is not a distribution is an <see cref="ArgumentException"/>.</summary>
    private static Dictionary<string, JsonObject> Read(string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException error)
        {
            throw new ArgumentException($"The distribution file '{path}' is not valid JSON: {error.Message}", nameof(path), error);
        }
        if (root is not JsonObject top || (string?)top["format"] != Format)
            throw new ArgumentException($"The file '{path}' is not a {Format} file.", nameof(path));
        if ((int?)top["version"] != Version)
            throw new ArgumentException($"The distribution file '{path}' has version {top["version"]}; this runtime reads version {Version}.", nameof(path));

        var choices = new Dictionary<string, JsonObject>();
        foreach (var cell in top["cells"]?.AsArray() ?? new JsonArray())
            foreach (var choice in cell?["choices"]?.AsArray() ?? new JsonArray())
                if (choice is JsonObject entry)
                    choices[$"{(string?)cell!["key"]}.{(string?)entry["name"]}"] = entry;
        return choices;
    }

    /// <summary>Null when the stored choice fits the target (with its logits reordered to the target's options), else why not.</summary>
    private static string? Match(ChoiceDistribution target, JsonObject stored, out double[]? logits)
    {
        logits = null;
        var choice = target.Choice;
        if ((string?)stored["kind"] != choice.Kind.ToString()) return $"is a {stored["kind"]} choice in the file but a {choice.Kind} choice in the model";
        if ((int?)stored["count"] != choice.Count || (bool?)stored["distinct"] != choice.Distinct)
            return "takes a different count of inputs in the file";
        var options = stored["options"]?.AsArray().Select(o => (string?)o ?? "").ToList() ?? new List<string>();
        if (options.Count != choice.Options.Length || choice.Options.Any(o => !options.Contains(o)))
            return $"has options [{string.Join(", ", options)}] in the file but [{string.Join(", ", choice.Options)}] in the model";
        var rows = stored["logits"]?.AsArray();
        if (rows is null || rows.Count != target.Rows || rows.Any(r => r is not JsonArray row || row.Count != options.Count))
            return "has logits of the wrong shape in the file";

        logits = new double[target.Rows * target.Width];
        for (int r = 0; r < target.Rows; r++)
            for (int o = 0; o < target.Width; o++)
                logits[r * target.Width + o] = (double)rows[r]![options.IndexOf(choice.Options[o])]!;
        return null;
    }
}
