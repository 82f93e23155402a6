using System;

namespace Parsec;

/// <summary>
/// Marks a static class whose <see cref="CandidateAttribute"/> methods are the candidate operations of a choice.
/// One set serves any number of choices. Helpers the candidates need belong in the same class (nested types
/// included), so that an exported model carries them along.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class CandidateSetAttribute : Attribute
{
}
