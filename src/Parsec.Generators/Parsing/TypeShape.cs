using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Parsec.Generators.Model;

namespace Parsec.Generators.Parsing;

/// <summary>
/// Checks that the generator can add a partial declaration of an attributed class: it is partial, not generic,
/// and nested only in partial types. Shared by search cells and search models.
/// </summary>
internal static class TypeShape
{
    /// <summary>Reports what stops the generator from extending the type; true when nothing does.</summary>
    public static bool Check(INamedTypeSymbol type, TypeDeclarationSyntax declaration, DiagnosticDescriptor notPartial, List<DiagnosticInfo> diagnostics)
    {
        int before = diagnostics.Count;
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            diagnostics.Add(DiagnosticInfo.Create(notPartial, LocationInfo.From(declaration.Identifier), type.Name));
        if (type.IsGenericType)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericType,
                LocationInfo.From((SyntaxNode?)declaration.TypeParameterList) ?? LocationInfo.From(declaration.Identifier), type.Name));
        for (var parent = declaration.Parent; parent is TypeDeclarationSyntax container; parent = parent.Parent)
        {
            if (!container.Modifiers.Any(SyntaxKind.PartialKeyword))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeNotPartial,
                    LocationInfo.From(container.Identifier), container.Identifier.ValueText, type.Name));
            if (container.TypeParameterList is { } typeParameters)
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericType,
                    LocationInfo.From(typeParameters), container.Identifier.ValueText));
        }
        return diagnostics.Count == before;
    }

    /// <summary>The types containing <paramref name="declaration"/>, outermost first, as partial declarations need them.</summary>
    public static EquatableArray<ContainingTypeModel> ContainingTypes(TypeDeclarationSyntax declaration)
    {
        var containers = new List<ContainingTypeModel>();
        for (var parent = declaration.Parent; parent is TypeDeclarationSyntax container; parent = parent.Parent)
            containers.Insert(0, new ContainingTypeModel(Keyword(container), container.Identifier.Text));
        return EquatableArray.From(containers);
    }

    /// <summary>The declaration keyword(s) a partial declaration of the same type repeats.</summary>
    public static string Keyword(TypeDeclarationSyntax declaration) =>
        declaration is RecordDeclarationSyntax { ClassOrStructKeyword.Text.Length: > 0 } record
            ? declaration.Keyword.Text + " " + record.ClassOrStructKeyword.Text
            : declaration.Keyword.Text;
}
