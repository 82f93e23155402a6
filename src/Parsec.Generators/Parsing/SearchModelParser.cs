using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Parsec.Generators.Model;

namespace Parsec.Generators.Parsing;

/// <summary>Turns one <c>[SearchModel]</c> class into a <see cref="SearchModelModel"/> and its diagnostics.</summary>
internal static class SearchModelParser
{
    public static ParseResult<SearchModelModel> Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax declaration
            || !TypeShape.Check(type, declaration, DiagnosticDescriptors.SearchModelNotPartial, diagnostics))
            return new(null, EquatableArray.From(diagnostics));
        cancellationToken.ThrowIfCancellationRequested();
        var model = new SearchModelModel(
            type.Name,
            type.ToDisplayString(),
            SourceText.NamespaceOf(type),
            TypeShape.ContainingTypes(declaration),
            TypeShape.Keyword(declaration),
            SourceText.Capture(type, _ => false));
        return new(model, EquatableArray<DiagnosticInfo>.Empty);
    }
}
