using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Parsec.Generators.Emit;
using Parsec.Generators.Model;
using Parsec.Generators.Parsing;

namespace Parsec.Generators;

/// <summary>
/// The Parsec generator: turns every <c>[SearchCell]</c> class into a weight-sharing supernet with a typed
/// architecture, and gives every <c>[SearchModel]</c> class its captured source (see docs/architecture.md).
/// Each attributed class is parsed into a value-equatable model; the models and the diagnostics are separate
/// pipeline steps, so that an edit elsewhere re-emits nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SearchCellGenerator : IIncrementalGenerator
{
    /// <summary>The tracking names of the pipeline steps, for incrementality tests.</summary>
    public static class Steps
    {
        public const string CellResults = "ParsecCellResults";
        public const string CellModels = "ParsecCellModels";
        public const string CellDiagnostics = "ParsecCellDiagnostics";
        public const string SearchModelResults = "ParsecSearchModelResults";
        public const string SearchModels = "ParsecSearchModels";
        public const string SearchModelDiagnostics = "ParsecSearchModelDiagnostics";
    }

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var cells = context.SyntaxProvider
            .ForAttributeWithMetadataName("Parsec.SearchCellAttribute",
                static (node, _) => node is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax,
                static (syntax, cancellationToken) => CellParser.Parse(syntax, cancellationToken))
            .WithTrackingName(Steps.CellResults);
        Register(context, cells, Steps.CellModels, Steps.CellDiagnostics,
            static (production, cell) => production.AddSource(CellEmitter.HintName(cell), CellEmitter.Emit(cell)));

        var models = context.SyntaxProvider
            .ForAttributeWithMetadataName("Parsec.SearchModelAttribute",
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (syntax, cancellationToken) => SearchModelParser.Parse(syntax, cancellationToken))
            .WithTrackingName(Steps.SearchModelResults);
        Register(context, models, Steps.SearchModels, Steps.SearchModelDiagnostics,
            static (production, model) => production.AddSource(SearchModelEmitter.HintName(model), SearchModelEmitter.Emit(model)));
    }

    /// <summary>Splits parse results into a model step that emits and a diagnostic step that reports.</summary>
    private static void Register<TModel>(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<ParseResult<TModel>> results,
        string modelStep,
        string diagnosticStep,
        System.Action<SourceProductionContext, TModel> emit)
        where TModel : class, System.IEquatable<TModel>
    {
        var modelsToEmit = results
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(modelStep);
        context.RegisterSourceOutput(modelsToEmit, emit);

        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(diagnosticStep);
        context.RegisterSourceOutput(diagnostics, static (production, found) =>
        {
            foreach (var diagnostic in found) production.ReportDiagnostic(diagnostic.ToDiagnostic());
        });
    }
}
