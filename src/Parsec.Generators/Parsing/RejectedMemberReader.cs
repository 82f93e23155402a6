using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Parsec.Generators.Model;

namespace Parsec.Generators.Parsing;

/// <summary>
/// Reads the partial choice members the generator rejected, so that it can implement each with a throwing body: the
/// compiler then reports no CS8795 or CS9248 on top of the error that says what to fix. Runs only when a member or the
/// cell was rejected, so a valid cell never has its member symbols built for it.
/// </summary>
internal static class RejectedMemberReader
{
    /// <summary>
    /// Every member of <paramref name="cell"/> that carries a choice attribute, is a partial declaration without an
    /// implementation and is not <paramref name="accepted"/>, in declaration order.
    /// </summary>
    public static EquatableArray<RejectedMemberModel> Read(INamedTypeSymbol cell, KnownTypes known, Func<string, bool> accepted,
        Func<string, string?> errorId)
    {
        var members = cell.GetMembers().Where(member => !accepted(member.Name) && HasChoiceAttribute(member, known)).ToList();
        members.Sort(Symbols.CompareSourceOrder);
        var rejected = new List<RejectedMemberModel>();
        foreach (var member in members)
        {
            string? header = member switch
            {
                IMethodSymbol { IsPartialDefinition: true, PartialImplementationPart: null } method => MethodHeader(method, known),
                IPropertySymbol { IsPartialDefinition: true, PartialImplementationPart: null, IsIndexer: false } property => PropertyHeader(property, known),
                _ => null,
            };
            if (header is not null)
                rejected.Add(new RejectedMemberModel(member.Name, header, Accessors(member), errorId(member.Name)));
        }
        return EquatableArray.From(rejected);
    }

    private static bool HasChoiceAttribute(ISymbol member, KnownTypes known) =>
        KnownTypes.HasAttribute(member, known.ChoiceAttribute)
        || KnownTypes.HasAttribute(member, known.InputChoiceAttribute)
        || KnownTypes.HasAttribute(member, known.ValueChoiceAttribute);

    /// <summary>The implementation's header; null for a method whose type parameters have constraints, which it would have to repeat.</summary>
    private static string? MethodHeader(IMethodSymbol method, KnownTypes known)
    {
        if (method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not MethodDeclarationSyntax syntax
            || syntax.ConstraintClauses.Count > 0)
            return null;
        var text = new System.Text.StringBuilder();
        ChoiceParser.AppendImplementationModifiers(text, syntax.Modifiers);
        text.Append(RefPrefix(method.ReturnsByRef, method.ReturnsByRefReadonly)).Append(known.FullyQualifiedName(method.ReturnType))
            .Append(' ').Append(Identifiers.Escape(method.Name));
        if (method.TypeParameters.Length > 0)
            text.Append('<').Append(string.Join(", ", method.TypeParameters.Select(t => Identifiers.Escape(t.Name)))).Append('>');
        text.Append('(');
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            var parameter = method.Parameters[i];
            if (i > 0) text.Append(", ");
            if (parameter.IsParams) text.Append("params ");
            text.Append(parameter.RefKind switch
            {
                RefKind.Ref => "ref ",
                RefKind.Out => "out ",
                RefKind.In => "in ",
                RefKind.RefReadOnlyParameter => "ref readonly ",
                _ => "",
            });
            text.Append(known.FullyQualifiedName(parameter.Type)).Append(' ').Append(Identifiers.Escape(parameter.Name));
        }
        return text.Append(')').ToString();
    }

    private static string? PropertyHeader(IPropertySymbol property, KnownTypes known)
    {
        if (property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not PropertyDeclarationSyntax syntax) return null;
        var text = new System.Text.StringBuilder();
        ChoiceParser.AppendImplementationModifiers(text, syntax.Modifiers);
        return text.Append(RefPrefix(property.ReturnsByRef, property.ReturnsByRefReadonly)).Append(known.FullyQualifiedName(property.Type))
            .Append(' ').Append(Identifiers.Escape(property.Name)).ToString();
    }

    /// <summary>A property's accessors as declared (their modifiers and keyword), which the implementation repeats.</summary>
    private static EquatableArray<string> Accessors(ISymbol member) =>
        member.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is PropertyDeclarationSyntax { AccessorList: { } list }
            ? EquatableArray.From(list.Accessors.Select(accessor =>
                string.Concat(accessor.Modifiers.Select(modifier => modifier.Text + " ")) + accessor.Keyword.Text))
            : EquatableArray<string>.Empty;

    private static string RefPrefix(bool byRef, bool byRefReadonly) => byRefReadonly ? "ref readonly " : byRef ? "ref " : "";
}
