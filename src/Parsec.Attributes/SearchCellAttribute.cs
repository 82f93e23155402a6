using System;

namespace Parsec;

/// <summary>
/// Marks a partial class deriving from a TorchSharp module as a search cell: the Parsec generator turns its
/// <see cref="ChoiceAttribute"/>, <see cref="InputChoiceAttribute"/> and <see cref="ValueChoiceAttribute"/>
/// members into a supernet with a strongly typed architecture.
/// </summary>
/// <remarks>
/// Valid on structs only so that the generator, rather than the compiler's bare CS0592, reports a struct with PARSEC008,
/// which says to declare a partial class deriving from a TorchSharp module.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class SearchCellAttribute : Attribute
{
    /// <summary>
    /// When true (the default, the DARTS/PARSEC convention) every instance of the cell class shares one architecture.
    /// When false each instance has its own choices (macro search).
    /// </summary>
    public bool SharedArchitecture { get; set; } = true;
}
