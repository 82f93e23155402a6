using System;

namespace Parsec;

/// <summary>
/// Declares a value choice on a partial get-only property of a search cell: the property returns one value of a
/// compile-time list, for example <c>[ValueChoice(1, 2, 3)] private partial int Depth { get; }</c>.
/// Every value has the property's type.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class ValueChoiceAttribute : Attribute
{
    /// <summary>Creates a value choice over <paramref name="values"/>.</summary>
    public ValueChoiceAttribute(params object[] values) => Values = values;

    /// <summary>The values, in declaration order.</summary>
    public object[] Values { get; }
}
