using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Parsec.Generators.Parsing;

namespace Parsec.Generators.Tests.Infrastructure;

/// <summary>Parses every search cell twice, syntax first and symbols only, as one tracked step for the tests to compare.</summary>
internal sealed class ReadingComparisonGenerator : IIncrementalGenerator
{
    public const string Step = "ReadingComparison";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var pairs = context.SyntaxProvider
            .ForAttributeWithMetadataName("Parsec.SearchCellAttribute",
                static (node, _) => node is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax,
                static (syntax, cancellationToken) => (
                    CellParser.Parse(syntax, syntaxFirst: true, cancellationToken),
                    CellParser.Parse(syntax, syntaxFirst: false, cancellationToken)))
            .WithTrackingName(Step);
        context.RegisterSourceOutput(pairs, static (_, _) => { });
    }
}
