using System;
using System.Collections.Immutable;

namespace Parsec.SearchSpace;

/// <summary>
/// Builds the <see cref="CellArchitecture"/> of a typed architecture (the generated <c>{Cell}Architecture</c>
/// record): its properties are added in declaration order, each checked against the next choices of the space, and
/// <see cref="Build"/> validates the whole. Options are enums whose values are the option indices.
/// </summary>
public sealed class CellArchitectureBuilder
{
    private readonly CellSearchSpace space;
    private readonly ImmutableArray<ImmutableArray<int>>.Builder selections;

    /// <summary>Starts an architecture of <paramref name="space"/>.</summary>
    public CellArchitectureBuilder(CellSearchSpace space)
    {
        this.space = space ?? throw new ArgumentNullException(nameof(space));
        selections = ImmutableArray.CreateBuilder<ImmutableArray<int>>(space.Choices.Length);
    }

    /// <summary>The option of an operation choice, or of an input choice that takes one input.</summary>
    public CellArchitectureBuilder Option<TOption>(TOption option) where TOption : struct, Enum
    {
        Next();
        selections.Add(ImmutableArray.Create(TypedArchitecture.IndexOf(option)));
        return this;
    }

    /// <summary>
    /// The options of a <c>PerInput</c> family, one per slot, or of an input choice that takes several, in slot
    /// order; the space tells which. Throws an <see cref="ArgumentException"/> unless there is one per slot.
    /// </summary>
    public CellArchitectureBuilder Options<TOption>(ImmutableArray<TOption> options) where TOption : struct, Enum
    {
        var choice = Next();
        bool input = choice.Kind == ChoiceKind.Input;
        int slots = input ? choice.Count : Slots(choice.Member);
        if (options.IsDefault || options.Length != slots)
            throw new ArgumentException($"{choice.Member} takes {slots} entries, one per slot.");
        if (input)
        {
            var indices = ImmutableArray.CreateBuilder<int>(slots);
            foreach (var option in options) indices.Add(TypedArchitecture.IndexOf(option));
            selections.Add(indices.MoveToImmutable());
        }
        else
        {
            foreach (var option in options) selections.Add(ImmutableArray.Create(TypedArchitecture.IndexOf(option)));
        }
        return this;
    }

    /// <summary>
    /// A value choice's value, as its index among the declared <paramref name="values"/>. Throws an
    /// <see cref="ArgumentException"/> when it is none of them.
    /// </summary>
    public CellArchitectureBuilder Value<TValue>(TValue[] values, TValue value)
    {
        var choice = Next();
        int index = Array.IndexOf(values, value);
        if (index < 0) throw new ArgumentException($"{choice.Member} = {value} is not one of its declared values.");
        selections.Add(ImmutableArray.Create(index));
        return this;
    }

    /// <summary>The architecture, validated against the space (see <see cref="CellArchitecture.Validate"/>).</summary>
    public CellArchitecture Build()
    {
        var architecture = new CellArchitecture(selections.ToImmutable());
        architecture.Validate(space);
        return architecture;
    }

    /// <summary>The choice the next selection is for.</summary>
    private Choice Next() =>
        selections.Count < space.Choices.Length
            ? space.Choices[selections.Count]
            : throw new InvalidOperationException($"{space.CellType} has {space.Choices.Length} choices; every one already has a selection.");

    /// <summary>The number of consecutive choices, from the next one, that belong to <paramref name="member"/>.</summary>
    private int Slots(string member)
    {
        int slots = 0;
        while (selections.Count + slots < space.Choices.Length && space.Choices[selections.Count + slots].Member == member) slots++;
        return slots;
    }
}
