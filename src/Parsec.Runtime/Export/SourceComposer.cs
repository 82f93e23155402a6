using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Parsec.Search;
using Parsec.SearchSpace;

namespace Parsec.Export;

/// <summary>
/// Assembles the exported file: the model class and every cell class as written (choice members given fixed bodies,
/// <c>partial</c> dropped), the candidate sets reduced to their chosen candidates, one namespace, and the header.
/// </summary>
internal sealed class SourceComposer
{
    private readonly TemplateRenderer templates;

    public SourceComposer(ExportTemplates templates) => this.templates = new TemplateRenderer(templates);

    public ExportedSource Compose(
        Type modelType, SourceCapture modelSource, ModelSearchSpace space, ModelArchitecture architecture,
        IReadOnlyList<FixedCell> cells, ExportProvenance? provenance, ExportOptions options)
    {
        string className = options.ClassName ?? modelType.Name;
        string exportedNamespace = options.Namespace ?? (modelSource.Namespace is { } ns ? ns + ".Exported" : "Exported");
        var sets = cells.SelectMany(cell => cell.Kept).Select(module => module.Set)
            .GroupBy(set => set.FullName).Select(group => group.First()).ToList();
        var choiceMembers = new ChoiceMembers(templates, set => NestedName(set.FullName, set.Source.Namespace));

        var types = new TypeTree();
        types.Add(modelSource.ContainingTypes, Renamed(MemberText.WithoutPartial(modelSource.Declaration), modelType.Name, className),
            UnsharedCellFields.Retype(modelSource.Members.Select(member => Renamed(MemberText.Dedent(member), modelType.Name, className)).ToList(), cells));
        foreach (var cell in cells)
        {
            var buildMethods = cell.Kept.Select(module => "Build" + module.Member).Distinct().ToList();
            types.Add(cell.Space.Source.ContainingTypes, Renamed(MemberText.WithoutPartial(cell.Space.Source.Declaration), cell.TypeName, cell.ClassName),
                cell.Space.Source.Members
                    .Select(member => Renamed(MemberText.WithoutCommentsOnCallsTo(MemberText.Dedent(member), buildMethods), cell.TypeName, cell.ClassName))
                    .Concat(choiceMembers.Render(cell)));
        }
        foreach (var set in sets)
        {
            var kept = cells.SelectMany(cell => cell.Kept).Where(module => module.Set.FullName == set.FullName)
                .Select(module => module.Candidate).ToHashSet(StringComparer.Ordinal);
            var candidates = set.Candidates.Select((name, index) => (name, index))
                .Where(candidate => kept.Contains(candidate.name))
                .Select(candidate => MemberText.Dedent(set.CandidateSources[candidate.index]));
            types.Add(set.Source.ContainingTypes, set.Source.Declaration, candidates.Concat(set.Source.Members.Select(MemberText.Dedent)));
        }

        var usings = UsingDirectives.Merge(new[] { modelSource }.Concat(cells.Select(cell => cell.Space.Source))
            .Concat(sets.Select(set => set.Source)).SelectMany(source => source.Usings));
        string text = templates.Render("File.scriban", new
        {
            ModelType = modelType.FullName!.Replace('+', '.'),
            WeightsFile = options.WriteWeights ? className + ModelExporter.WeightsExtension : null,
            HasProbabilities = provenance is { Probabilities.Count: > 0 },
            Choices = HeaderChoices(space, architecture, provenance),
            Strategy = provenance?.Strategy,
            Settings = provenance?.SearchSettings.Select(setting => new { setting.Key, setting.Value }).ToList() ?? new(),
            DistributionFile = provenance?.DistributionFile is { } distribution ? Path.GetFileName(distribution) : null,
            DistributionSha256 = provenance?.DistributionFile is { } file && File.Exists(file) ? Sha256Of(file) : null,
            ArchitectureLine = ExportHeader.ArchitecturePrefix + ArchitectureJson(space, architecture),
            HashLine = ExportHeader.UnsealedHashLine,
            Usings = usings,
            Namespace = exportedNamespace,
            Types = types.Render(templates),
        });
        return new ExportedSource(className + ".cs", exportedNamespace, className, ExportHeader.Seal(Tidy(text)));
    }

    /// <summary>How code in the exported namespace names a type: its name inside its own namespace.</summary>
    private static string NestedName(string fullName, string? ns) =>
        ns is null ? fullName : fullName.Substring(ns.Length + 1);

    private static string Sha256Of(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string Renamed(string text, string oldName, string newName) =>
        oldName == newName ? text : Regex.Replace(text, $@"\b{Regex.Escape(oldName)}\b", newName);

    private static string ArchitectureJson(ModelSearchSpace space, ModelArchitecture architecture) =>
        architecture.ToJson(space).ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static List<object> HeaderChoices(ModelSearchSpace space, ModelArchitecture architecture, ExportProvenance? provenance)
    {
        var rows = new List<object>();
        for (int g = 0; g < space.Groups.Length; g++)
        {
            var group = space.Groups[g];
            for (int c = 0; c < group.Space.Choices.Length; c++)
            {
                var choice = group.Space.Choices[c];
                var selection = architecture.Cells[g].Selections[c];
                var summary = provenance?.Probabilities.FirstOrDefault(s => s.Key == group.Key && s.Choice == choice.Name);
                string Probability(int slot, int option) =>
                    summary!.Probabilities[Math.Min(slot, summary.Probabilities.Length - 1)][option].ToString("0.000", CultureInfo.InvariantCulture);
                rows.Add(new
                {
                    Cell = group.Key,
                    choice.Name,
                    Option = choice.Kind == ChoiceKind.Input
                        ? "[" + string.Join(", ", selection.Select(i => choice.Options[i])) + "]"
                        : choice.Options[selection[0]],
                    Probability = summary is null ? null : string.Join(", ", selection.Select((option, slot) => Probability(slot, option))),
                });
            }
        }
        return rows;
    }

    /// <summary>Trailing spaces removed, runs of blank lines collapsed to one, a single final newline.</summary>
    private static string Tidy(string text)
    {
        var lines = new List<string>();
        foreach (string line in text.Replace("\r\n", "\n").Split('\n').Select(line => line.TrimEnd()))
            if (line.Length > 0 || (lines.Count > 0 && lines[^1].Length > 0)) lines.Add(line);
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return string.Join("\n", lines) + "\n";
    }
}
