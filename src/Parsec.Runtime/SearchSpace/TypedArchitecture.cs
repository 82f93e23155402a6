using System;
using System.Collections.Immutable;
using System.Globalization;

namespace Parsec.SearchSpace;

/// <summary>
/// What the generated typed architectures (<c>{Cell}Architecture</c> records) share: value equality, hashing and
/// printing of their <see cref="ImmutableArray{T}"/> properties (a record compares those by reference), and the
/// conversions between their option enums and option indices.
/// </summary>
public static class TypedArchitecture
{
    /// <summary>Whether both arrays hold equal items in the same order; two default arrays are equal, and a default array equals no other.</summary>
    public static bool SequenceEqual<T>(ImmutableArray<T> left, ImmutableArray<T> right) =>
        left.IsDefault || right.IsDefault ? left.IsDefault && right.IsDefault : System.Linq.Enumerable.SequenceEqual(left, right);

    /// <summary>Adds every item of <paramref name="items"/> (none for a default array) to <paramref name="hash"/>.</summary>
    public static void AddTo<T>(ref HashCode hash, ImmutableArray<T> items)
    {
        if (items.IsDefault) return;
        foreach (var item in items) hash.Add(item);
    }

    /// <summary>The items separated by <c>", "</c>; empty for a default array.</summary>
    public static string Join<T>(ImmutableArray<T> items) => items.IsDefault ? "" : string.Join(", ", items);

    /// <summary>The option index an option enum stands for.</summary>
    public static int IndexOf<TOption>(TOption option) where TOption : struct, Enum => Convert.ToInt32(option, CultureInfo.InvariantCulture);

    /// <summary>The option enum that stands for option index <paramref name="index"/>.</summary>
    public static TOption OptionAt<TOption>(int index) where TOption : struct, Enum => (TOption)Enum.ToObject(typeof(TOption), index);
}
