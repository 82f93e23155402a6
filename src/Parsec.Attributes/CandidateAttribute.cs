using System;

namespace Parsec;

/// <summary>
/// Marks a static factory method of a <see cref="CandidateSetAttribute"/> class as one candidate operation.
/// Every candidate of a set takes the same parameters and returns a <c>Module&lt;Tensor, Tensor&gt;</c>.
/// The candidate's name is the method's name.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class CandidateAttribute : Attribute
{
}
