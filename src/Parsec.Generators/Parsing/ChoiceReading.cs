using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Parsec.Generators.Parsing;

/// <summary>How the parser reads choice members' attributes and signatures.</summary>
internal enum ChoiceReading
{
    /// <summary>From syntax with a few cached bindings per class where the member is plain, from symbols otherwise.</summary>
    SyntaxFirst,

    /// <summary>From symbols only (full attribute and signature binding): the reference the syntax reading must match.</summary>
    SymbolsOnly,
}

/// <summary>What a choice attribute says, with the attribute's defaults filled in.</summary>
/// <param name="Set">A <c>[Choice]</c>'s candidate set, null when the <c>typeof</c> argument is missing or does not bind.</param>
/// <param name="PerInput">A <c>[Choice]</c>'s <c>PerInput</c>, null when not set.</param>
/// <param name="Count">An <c>[InputChoice]</c>'s <c>Count</c>.</param>
/// <param name="Distinct">An <c>[InputChoice]</c>'s <c>Distinct</c>.</param>
internal sealed record ChoiceArguments(INamedTypeSymbol? Set, string? PerInput, int Count, bool Distinct);

/// <summary>A parameter of a choice method as the checks and the emitted signature need it.</summary>
internal readonly record struct ChoiceParameter(string Name, ITypeSymbol Type, RefKind RefKind, bool IsParams);

/// <summary>A choice method's return and parameter types.</summary>
internal sealed record ChoiceSignature(ITypeSymbol ReturnType, ImmutableArray<ChoiceParameter> Parameters);

/// <summary>A choice method read from syntax: its attribute, what the attribute says, and its signature.</summary>
internal sealed record SyntaxChoice(bool IsInput, AttributeSyntax Attribute, ChoiceArguments Arguments, ChoiceSignature Signature);

/// <summary>A value choice read from syntax: its attribute, the property's type, and the values as C# source text.</summary>
internal sealed record SyntaxValueChoice(AttributeSyntax Attribute, ITypeSymbol Type, ImmutableArray<string> Values);

/// <summary>A member of a cell read from syntax: a choice method (<see cref="Method"/>) or a value choice (<see cref="Value"/>).</summary>
internal sealed record SyntaxMember(MemberDeclarationSyntax Syntax, SyntaxChoice? Method, SyntaxValueChoice? Value);
