using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Parsec.Generators.Model;

namespace Parsec.Generators.Parsing;

/// <summary>
/// Reads user source the way <c>SourceCapture</c> keeps it: declarations on one line without attributes, members
/// verbatim with their leading comments (Parsec's attributes removed, line endings normalized to \n).
/// </summary>
internal static class SourceText
{
    private static readonly HashSet<string> ParsecAttributeNames = new()
    {
        "SearchCell", "SearchModel", "CandidateSet", "Candidate", "Choice", "InputChoice", "ValueChoice",
    };

    /// <summary>Captures a type's source; members for which <paramref name="isExcluded"/> holds are left out.</summary>
    public static SourceCaptureModel Capture(INamedTypeSymbol type, System.Func<MemberDeclarationSyntax, bool> isExcluded)
    {
        var usings = new List<string>();
        var members = new List<string>();
        TypeDeclarationSyntax? first = null;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not TypeDeclarationSyntax declaration) continue;
            first ??= declaration;
            foreach (var directive in UsingsOf(declaration))
                if (!usings.Contains(directive)) usings.Add(directive);
            foreach (var member in declaration.Members)
                if (!isExcluded(member)) members.Add(Member(member));
        }

        var containingTypes = new List<string>();
        for (var parent = first?.Parent; parent is TypeDeclarationSyntax container; parent = parent.Parent)
            containingTypes.Insert(0, DeclarationLine(container));

        return new SourceCaptureModel(
            NamespaceOf(type),
            EquatableArray.From(usings),
            EquatableArray.From(containingTypes),
            first is null ? "" : DeclarationLine(first),
            EquatableArray.From(members));
    }

    /// <summary>The namespace's display name, or null for the global namespace.</summary>
    public static string? NamespaceOf(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null;

    /// <summary>A type's declaration from its modifiers to its body, attributes and comments dropped, on one line.</summary>
    public static string DeclarationLine(TypeDeclarationSyntax declaration)
    {
        var text = new StringBuilder();
        foreach (var modifier in declaration.Modifiers) Append(text, modifier.Text);
        Append(text, declaration.Keyword.Text);
        if (declaration is RecordDeclarationSyntax { ClassOrStructKeyword.Text.Length: > 0 } record)
            Append(text, record.ClassOrStructKeyword.Text);
        Append(text, declaration.Identifier.Text);
        if (declaration.TypeParameterList is { } typeParameters) text.Append(OneLine(typeParameters));
        if (declaration.ParameterList is { } parameters) text.Append(OneLine(parameters));
        if (declaration.BaseList is { } baseList) Append(text, OneLine(baseList));
        foreach (var constraint in declaration.ConstraintClauses) Append(text, OneLine(constraint));
        return text.ToString();
    }

    /// <summary>A member's full source with leading comments, Parsec's attributes removed.</summary>
    public static string Member(MemberDeclarationSyntax member)
    {
        var attributes = new List<AttributeSyntax>();
        foreach (var list in member.AttributeLists)
            foreach (var attribute in list.Attributes)
                if (IsParsecAttribute(attribute)) attributes.Add(attribute);
        var stripped = attributes.Count == 0 ? member : RemoveAttributes(member, attributes);
        return TrimBlankLines(Normalize(stripped.ToFullString()));
    }

    /// <summary>Whether an attribute is one of Parsec's, by name: the capture is syntactic.</summary>
    public static bool IsParsecAttribute(AttributeSyntax attribute)
    {
        string name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => "",
        };
        if (name.EndsWith("Attribute", System.StringComparison.Ordinal)) name = name.Substring(0, name.Length - "Attribute".Length);
        return ParsecAttributeNames.Contains(name);
    }

    /// <summary>Collapses a node's text (without its outer trivia) to one line.</summary>
    public static string OneLine(SyntaxNode node) => Collapse(node.ToString());

    /// <summary>Appends <see cref="OneLine"/> of <paramref name="node"/> to <paramref name="text"/>.</summary>
    public static void AppendOneLine(StringBuilder text, SyntaxNode node) => AppendCollapsed(text, node.ToString());

    private static MemberDeclarationSyntax RemoveAttributes(MemberDeclarationSyntax member, List<AttributeSyntax> attributes)
    {
        var lists = new List<AttributeListSyntax>();
        foreach (var list in member.AttributeLists)
        {
            var kept = new List<AttributeSyntax>();
            foreach (var attribute in list.Attributes)
                if (!attributes.Contains(attribute)) kept.Add(attribute);
            if (kept.Count > 0) lists.Add(list.WithAttributes(SyntaxFactory.SeparatedList(kept)));
        }
        // The leading trivia (comments, indentation) belongs to the first attribute list; keep it on the member.
        var leading = member.GetLeadingTrivia();
        var rest = member.WithAttributeLists(SyntaxFactory.List(lists));
        var firstToken = rest.GetFirstToken();
        return rest.ReplaceToken(firstToken, firstToken.WithLeadingTrivia(leading));
    }

    private static IEnumerable<string> UsingsOf(SyntaxNode declaration)
    {
        var found = new List<string>();
        for (var node = declaration.Parent; node is not null; node = node.Parent)
        {
            var usings = node switch
            {
                BaseNamespaceDeclarationSyntax ns => ns.Usings,
                CompilationUnitSyntax unit => unit.Usings,
                _ => default,
            };
            for (int i = usings.Count - 1; i >= 0; i--) found.Insert(0, OneLine(usings[i]));
        }
        return found;
    }

    private static void Append(StringBuilder text, string part)
    {
        if (part.Length == 0) return;
        if (text.Length > 0) text.Append(' ');
        text.Append(part);
    }

    private static string Collapse(string text)
    {
        var result = new StringBuilder(text.Length);
        AppendCollapsed(result, text);
        return result.ToString();
    }

    /// <summary>Appends <paramref name="text"/> with every run of whitespace made one space, none at either end.</summary>
    private static void AppendCollapsed(StringBuilder result, string text)
    {
        bool space = false, any = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) { space = any; continue; }
            if (space) result.Append(' ');
            space = false;
            any = true;
            result.Append(c);
        }
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>The text with trailing whitespace cut from every line and blank lines dropped at both ends, in one pass.</summary>
    private static string TrimBlankLines(string text)
    {
        var result = new StringBuilder(text.Length);
        int blankLines = 0;
        for (int start = 0; start <= text.Length;)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            int trimmed = end;
            while (trimmed > start && char.IsWhiteSpace(text[trimmed - 1])) trimmed--;
            if (trimmed == start)
            {
                if (result.Length > 0) blankLines++;
            }
            else
            {
                if (result.Length > 0) result.Append('\n', blankLines + 1);
                result.Append(text, start, trimmed - start);
                blankLines = 0;
            }
            start = end + 1;
        }
        return result.Length == text.Length ? text : result.ToString();
    }
}
