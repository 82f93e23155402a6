using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Parsec.Generators.Model;

namespace Parsec.Generators.Parsing;

/// <summary>Turns one <c>[SearchCell]</c> class into a <see cref="CellModel"/> and its diagnostics.</summary>
internal static class CellParser
{
    private static readonly ParseResult<CellModel> Nothing = new(null, EquatableArray<DiagnosticInfo>.Empty);

    public static ParseResult<CellModel> Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        Parse(context, syntaxFirst: true, cancellationToken);

    /// <summary>
    /// Parses the cell; <paramref name="syntaxFirst"/> is false only where the tests check that the syntax shortcut
    /// (<see cref="ChoiceSyntaxReader"/>) gives the result of reading the symbols alone.
    /// </summary>
    internal static ParseResult<CellModel> Parse(GeneratorAttributeSyntaxContext context, bool syntaxFirst, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol cell || context.TargetNode is not TypeDeclarationSyntax declaration)
            return Nothing;
        var diagnostics = new List<DiagnosticInfo>();
        var known = KnownTypes.For(context.SemanticModel.Compilation);
        var identifier = LocationInfo.From(declaration.Identifier);

        if (!TypeShape.Check(cell, declaration, DiagnosticDescriptors.CellNotPartial, diagnostics))
            return Result(null, diagnostics);
        if (!KnownTypes.DerivesFrom(cell.BaseType, known.Module))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CellNotModule, identifier, cell.Name));
            return Result(null, diagnostics);
        }

        int beforeMembers = diagnostics.Count;
        var syntaxReader = syntaxFirst ? new ChoiceSyntaxReader(cell, known, context.SemanticModel) : null;
        var (members, sets, choiceSyntax) = ChoiceParser.Parse(cell, known, syntaxReader, diagnostics, cancellationToken);
        if (members.Count == 0 && diagnostics.Count == beforeMembers)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CellWithoutChoices, identifier, cell.Name));
        else if (members.Count > 0)
            diagnostics.Add(SizeInfo(cell.Name, members, sets, identifier));

        var model = new CellModel(
            cell.Name,
            cell.ToDisplayString(),
            cell.ToDisplayString(SymbolFormats.FullyQualified),
            SourceText.NamespaceOf(cell),
            TypeShape.ContainingTypes(declaration),
            TypeShape.Keyword(declaration),
            Accessibility(cell),
            SharedArchitecture(context.Attributes),
            EquatableArray.From(sets),
            EquatableArray.From(members),
            SourceText.Capture(cell, member => choiceSyntax.Contains(member)));
        return Result(model, diagnostics);
    }

    private static ParseResult<CellModel> Result(CellModel? model, List<DiagnosticInfo> diagnostics) =>
        new(model, EquatableArray.From(diagnostics));

    private static bool SharedArchitecture(System.Collections.Immutable.ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
            foreach (var argument in attribute.NamedArguments)
                if (argument.Key == "SharedArchitecture" && argument.Value.Value is bool shared) return shared;
        return true;
    }

    /// <summary>The typed architecture is declared with the cell's own accessibility, so that it can expose the same types.</summary>
    private static string Accessibility(INamedTypeSymbol cell) => cell.DeclaredAccessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        Microsoft.CodeAnalysis.Accessibility.Private => "private",
        _ => "internal",
    };

    /// <summary>The Info diagnostic that tells the size of the cell's search space.</summary>
    private static DiagnosticInfo SizeInfo(string name, List<ChoiceMemberModel> members, List<CandidateSetModel> sets, LocationInfo? location)
    {
        int choices = 0;
        double size = 1;
        foreach (var member in members)
        {
            switch (member.Kind)
            {
                case ChoiceMemberKind.Operation:
                    choices++;
                    size *= sets[member.SetIndex].Candidates.Count;
                    break;
                case ChoiceMemberKind.Family:
                    choices += member.Count;
                    size *= System.Math.Pow(sets[member.SetIndex].Candidates.Count, member.Count);
                    break;
                case ChoiceMemberKind.Input:
                    choices++;
                    for (int i = 0; i < member.Count; i++) size *= member.Distinct ? member.InputNames.Count - i : member.InputNames.Count;
                    break;
                default:
                    choices++;
                    size *= member.Values.Count;
                    break;
            }
        }
        string sizeText = size < 1e6 ? size.ToString("0", CultureInfo.InvariantCulture) : size.ToString("0.0e0", CultureInfo.InvariantCulture);
        return DiagnosticInfo.Create(DiagnosticDescriptors.SearchSpaceSize, location, name,
            choices.ToString(CultureInfo.InvariantCulture), sizeText);
    }
}
