using System;

namespace Parsec;

/// <summary>
/// Marks a partial class deriving from a TorchSharp module as a search cell: the Parsec generator turns its
/// <see cref="ChoiceAttribute"/>, <see cref="InputChoiceAttribute"/> and <see cref="ValueChoiceAttribute"/>
/// members into a supernet with a strongly typed architecture.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class SearchCellAttribute : Attribute
{
    /// <summary>
    /// When true (the default, the DARTS/PARSEC convention) every instance of the cell class shares one architecture.
    /// When false each instance has its own choices (macro search).
    /// </summary>
    public bool SharedArchitecture { get; set; } = true;
}
