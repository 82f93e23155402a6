using System;

namespace Parsec.Generators.Model;

// The pipeline's value-equatable models: strings, numbers and EquatableArrays only, never a symbol, a syntax node
// or a Location, so that an edit which does not change a cell's meaning leaves its model equal and its output cached.

/// <summary>What a user member of a search cell declares.</summary>
internal enum ChoiceMemberKind
{
    /// <summary><c>[Choice]</c> without <c>PerInput</c>: one operation choice.</summary>
    Operation,

    /// <summary><c>[Choice(PerInput = ...)]</c>: one operation choice per slot of an input choice.</summary>
    Family,

    /// <summary><c>[InputChoice]</c>.</summary>
    Input,

    /// <summary><c>[ValueChoice]</c>.</summary>
    Value,
}

/// <summary>A type that contains a cell, as its generated partial declaration needs it.</summary>
/// <param name="Keyword">The declaration keyword(s): <c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c>, <c>interface</c>.</param>
/// <param name="Name">The type's name.</param>
internal sealed record ContainingTypeModel(string Keyword, string Name);

/// <summary>The parts of a <c>Parsec.SearchSpace.SourceCapture</c>, as the generator emits them.</summary>
internal sealed record SourceCaptureModel(
    string? Namespace,
    EquatableArray<string> Usings,
    EquatableArray<string> ContainingTypes,
    string Declaration,
    EquatableArray<string> Members);

/// <summary>A parameter shared by the candidates of a set.</summary>
/// <param name="Name">The parameter's name as the generated <c>Build</c> method declares it.</param>
/// <param name="Declaration">Its declaration with a fully qualified type (<c>int channels</c>, <c>int stride = 1</c>).</param>
/// <param name="Argument">How the <c>Build</c> method forwards it (<c>channels</c>, <c>ref state</c>).</param>
internal sealed record CandidateParameterModel(string Name, string Declaration, string Argument);

/// <summary>A candidate set used by at least one choice of a cell.</summary>
/// <param name="TypeName">The set's fully qualified name with <c>global::</c>, to call its candidates.</param>
/// <param name="FullName">The set's fully qualified name without <c>global::</c>.</param>
/// <param name="Candidates">The candidates' names, in declaration order.</param>
/// <param name="CandidateSources">Each candidate's source without its <c>[Candidate]</c> attribute.</param>
/// <param name="ParametersAsWritten">The first candidate's parameter list as written, without parentheses.</param>
/// <param name="Parameters">The parameters, as the generated <c>Build</c> methods declare and forward them.</param>
/// <param name="Source">The set's own source (declaration and members other than candidates).</param>
internal sealed record CandidateSetModel(
    string TypeName,
    string FullName,
    EquatableArray<string> Candidates,
    EquatableArray<string> CandidateSources,
    string ParametersAsWritten,
    EquatableArray<CandidateParameterModel> Parameters,
    SourceCaptureModel Source);

/// <summary>One user member of a cell that carries a choice attribute and passed validation.</summary>
/// <param name="Kind">What the member declares.</param>
/// <param name="Name">The member's name.</param>
/// <param name="Declaration">The declaration as written, without attributes, <c>partial</c> or semicolon (<c>Choice.Declaration</c>).</param>
/// <param name="Signature">The generated implementation's header: modifiers, <c>partial</c>, fully qualified types, the user's parameter names.</param>
/// <param name="ParameterNames">The member's parameter names, escaped for C# (an input choice's inputs; <c>slot</c> and <c>x</c> of a family).</param>
/// <param name="InputNames">An input choice's inputs as option names (unescaped); empty otherwise.</param>
/// <param name="SetIndex">An operation choice's or family's candidate set, an index into <see cref="CellModel.Sets"/>; -1 otherwise.</param>
/// <param name="PerInput">A family's input choice; null otherwise.</param>
/// <param name="Count">An input choice's count, or a family's number of slots (its input choice's count); 1 otherwise.</param>
/// <param name="Distinct">An input choice's <c>Distinct</c>; true otherwise.</param>
/// <param name="ReturnsArray">Whether an input choice returns <c>Tensor[]</c>.</param>
/// <param name="ValueType">A value choice's fully qualified type; empty otherwise.</param>
/// <param name="Values">A value choice's values as C# source text; empty otherwise.</param>
internal sealed record ChoiceMemberModel(
    ChoiceMemberKind Kind,
    string Name,
    string Declaration,
    string Signature,
    EquatableArray<string> ParameterNames,
    EquatableArray<string> InputNames,
    int SetIndex,
    string? PerInput,
    int Count,
    bool Distinct,
    bool ReturnsArray,
    string ValueType,
    EquatableArray<string> Values);

/// <summary>
/// A partial choice member the generator does not implement as a choice (it reported an error at it, or the compiler did):
/// its implementation throws, so that the compiler adds no "must have an implementation part" error of its own.
/// </summary>
/// <param name="Name">The member's name.</param>
/// <param name="Header">The implementation's header: modifiers, <c>partial</c>, fully qualified types, the name, the parameters.</param>
/// <param name="Accessors">A property's accessors with their modifiers (<c>get</c>, <c>private set</c>); empty for a method.</param>
/// <param name="ErrorId">The Parsec error reported at it, or null when only the compiler reported one.</param>
internal sealed record RejectedMemberModel(string Name, string Header, EquatableArray<string> Accessors, string? ErrorId);

/// <summary>Everything the emitter needs for one <c>[SearchCell]</c> class.</summary>
/// <param name="Name">The class's name.</param>
/// <param name="FullName">Its fully qualified name without <c>global::</c> (<c>CellSearchSpace.CellType</c>).</param>
/// <param name="TypeName">Its fully qualified name with <c>global::</c>.</param>
/// <param name="Namespace">Its namespace, or null for the global namespace.</param>
/// <param name="ContainingTypes">The types it is nested in, outermost first.</param>
/// <param name="Keyword">Its declaration keyword (<c>class</c>).</param>
/// <param name="Accessibility">Its declared accessibility as C# modifiers, given to the typed architecture too.</param>
/// <param name="SharedArchitecture">The attribute's <c>SharedArchitecture</c>.</param>
/// <param name="Sets">The candidate sets its choices use.</param>
/// <param name="Members">Its choice members, in declaration order.</param>
/// <param name="Source">Its own source.</param>
/// <param name="IsSupernet">False when the generator rejected the cell: only <paramref name="Rejected"/> is emitted.</param>
/// <param name="Rejected">Its partial choice members that get a throwing implementation instead of a choice.</param>
internal sealed record CellModel(
    string Name,
    string FullName,
    string TypeName,
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string Keyword,
    string Accessibility,
    bool SharedArchitecture,
    EquatableArray<CandidateSetModel> Sets,
    EquatableArray<ChoiceMemberModel> Members,
    SourceCaptureModel Source,
    bool IsSupernet,
    EquatableArray<RejectedMemberModel> Rejected);

/// <summary>Everything the emitter needs for one <c>[SearchModel]</c> class.</summary>
internal sealed record SearchModelModel(
    string Name,
    string FullName,
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string Keyword,
    SourceCaptureModel Source);

/// <summary>What parsing one attributed class produced: a model to emit (null when it cannot be) and diagnostics.</summary>
internal sealed record ParseResult<TModel>(TModel? Model, EquatableArray<DiagnosticInfo> Diagnostics)
    where TModel : class, IEquatable<TModel>;
