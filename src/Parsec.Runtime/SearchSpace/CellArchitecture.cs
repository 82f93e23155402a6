using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Parsec.SearchSpace;

/// <summary>
/// One architecture of a cell in generic form: for each choice of the cell's <see cref="CellSearchSpace"/>, the
/// indices of the selected options (one index; <see cref="Choice.Count"/> indices for an input choice).
/// The generated typed architecture of a cell converts to and from this form.
/// </summary>
public sealed class CellArchitecture : IEquatable<CellArchitecture>
{
    /// <summary>Creates an architecture; see <see cref="Validate"/> to check it against a search space.</summary>
    public CellArchitecture(ImmutableArray<ImmutableArray<int>> selections) => Selections = selections;

    /// <summary>The selected option indices, aligned with the search space's choices.</summary>
    public ImmutableArray<ImmutableArray<int>> Selections { get; }

    /// <summary>The first (or only) selected index of choice <paramref name="choice"/>.</summary>
    public int this[int choice] => Selections[choice][0];

    /// <summary>The selected option of choice <paramref name="choice"/> as an option enum (its values are the option indices).</summary>
    public TOption Option<TOption>(int choice) where TOption : struct, Enum => TypedArchitecture.OptionAt<TOption>(this[choice]);

    /// <summary>The options an input choice <paramref name="choice"/> selects, in slot order, as option enums.</summary>
    public ImmutableArray<TOption> Options<TOption>(int choice) where TOption : struct, Enum
    {
        var selected = Selections[choice];
        var options = ImmutableArray.CreateBuilder<TOption>(selected.Length);
        foreach (int index in selected) options.Add(TypedArchitecture.OptionAt<TOption>(index));
        return options.MoveToImmutable();
    }

    /// <summary>
    /// The options of <paramref name="count"/> consecutive choices from <paramref name="first"/>, as option enums: the
    /// slots of a <c>PerInput</c> family.
    /// </summary>
    public ImmutableArray<TOption> Slots<TOption>(int first, int count) where TOption : struct, Enum
    {
        var options = ImmutableArray.CreateBuilder<TOption>(count);
        for (int slot = 0; slot < count; slot++) options.Add(Option<TOption>(first + slot));
        return options.MoveToImmutable();
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first choice this architecture does not fit.</summary>
    public void Validate(CellSearchSpace space)
    {
        if (Selections.Length != space.Choices.Length)
            throw new ArgumentException(
                $"The architecture has {Selections.Length} choices but {space.CellType} has {space.Choices.Length}.");
        for (int c = 0; c < Selections.Length; c++)
        {
            var choice = space.Choices[c];
            var selected = Selections[c];
            if (selected.Length != choice.Count)
                throw new ArgumentException(
                    $"{space.CellType}.{choice.Name} takes {choice.Count} option(s) but the architecture selects {selected.Length}.");
            foreach (int index in selected)
                if (index < 0 || index >= choice.Options.Length)
                    throw new ArgumentException(
                        $"{space.CellType}.{choice.Name} has {choice.Options.Length} options; index {index} is out of range.");
            if (choice.Distinct && selected.Distinct().Count() != selected.Length)
                throw new ArgumentException($"{space.CellType}.{choice.Name} takes distinct inputs but the architecture repeats one.");
        }
    }

    /// <summary>The architecture as a JSON object keyed by choice name, with option names as values.</summary>
    public JsonObject ToJson(CellSearchSpace space)
    {
        Validate(space);
        var json = new JsonObject();
        for (int c = 0; c < Selections.Length; c++)
        {
            var choice = space.Choices[c];
            json[choice.Name] = choice.Kind == ChoiceKind.Input
                ? new JsonArray(Selections[c].Select(i => (JsonNode?)JsonValue.Create(choice.Options[i])).ToArray())
                : JsonValue.Create(choice.Options[Selections[c][0]]);
        }
        return json;
    }

    /// <summary>Reads an architecture written by <see cref="ToJson"/>; a missing or unknown name is an <see cref="ArgumentException"/>.</summary>
    public static CellArchitecture FromJson(CellSearchSpace space, JsonObject json)
    {
        var selections = ImmutableArray.CreateBuilder<ImmutableArray<int>>(space.Choices.Length);
        foreach (var choice in space.Choices)
        {
            if (!json.TryGetPropertyValue(choice.Name, out var node) || node is null)
                throw new ArgumentException($"The architecture of {space.CellType} has no value for choice '{choice.Name}'.");
            var names = node is JsonArray array
                ? array.Select(n => n?.GetValue<string>() ?? "").ToArray()
                : new[] { node.GetValue<string>() };
            selections.Add(names.Select(name => OptionIndex(space, choice, name)).ToImmutableArray());
        }
        var architecture = new CellArchitecture(selections.MoveToImmutable());
        architecture.Validate(space);
        return architecture;
    }

    /// <summary>A one-line description: <c>Act=Relu, Node0Inputs=[s0, s1]</c>.</summary>
    public string ToString(CellSearchSpace space)
    {
        var text = new StringBuilder();
        for (int c = 0; c < Selections.Length; c++)
        {
            var choice = space.Choices[c];
            if (c > 0) text.Append(", ");
            text.Append(choice.Name).Append('=');
            text.Append(choice.Kind == ChoiceKind.Input
                ? "[" + string.Join(", ", Selections[c].Select(i => choice.Options[i])) + "]"
                : choice.Options[Selections[c][0]]);
        }
        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Join("|", Selections.Select(s => string.Join(",", s)));

    /// <inheritdoc />
    public bool Equals(CellArchitecture? other) =>
        other is not null
        && Selections.Length == other.Selections.Length
        && Selections.Zip(other.Selections, (a, b) => a.AsSpan().SequenceEqual(b.AsSpan())).All(same => same);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CellArchitecture);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var selection in Selections)
            foreach (int index in selection) hash.Add(index);
        return hash.ToHashCode();
    }

    private static int OptionIndex(CellSearchSpace space, Choice choice, string name)
    {
        int index = choice.Options.IndexOf(name);
        if (index < 0)
            throw new ArgumentException(
                $"{space.CellType}.{choice.Name} has no option '{name}'; the options are {string.Join(", ", choice.Options)}.");
        return index;
    }
}
