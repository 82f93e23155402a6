using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Parsec.Generators.Emit;
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

        if (cell.TypeKind == TypeKind.Struct)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CellNotClass, identifier, cell.Name));
            // A struct the generator could extend still gets its partial members implemented.
            bool extensible = TypeShape.Check(cell, declaration, DiagnosticDescriptors.CellNotPartial, new List<DiagnosticInfo>());
            return Result(extensible ? Rejected(context, cell, declaration, known, DiagnosticDescriptors.CellNotClass) : null, diagnostics);
        }
        if (!TypeShape.Check(cell, declaration, DiagnosticDescriptors.CellNotPartial, diagnostics))
            return Result(null, diagnostics);
        if (!KnownTypes.DerivesFrom(cell.BaseType, known.Module))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CellNotModule, identifier, cell.Name));
            return Result(Rejected(context, cell, declaration, known, DiagnosticDescriptors.CellNotModule), diagnostics);
        }

        var syntaxReader = syntaxFirst ? new ChoiceSyntaxReader(cell, known, context.SemanticModel) : null;
        var parsed = ChoiceParser.Parse(cell, known, syntaxReader, diagnostics, cancellationToken);
        var (members, sets, choiceSyntax) = (parsed.Members, parsed.Sets, parsed.ChoiceSyntax);
        // A member whose choice attribute the compiler rejects is no missing choice: the compiler's error says what to fix.
        if (parsed.Declared == 0)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CellWithoutChoices, identifier, cell.Name));
        else if (members.Count > 0)
            diagnostics.Add(SizeInfo(cell.Name, members, sets, identifier));

        var model = Model(context, cell, declaration, EquatableArray.From(sets), EquatableArray.From(members),
            SourceText.Capture(cell, member => choiceSyntax.Contains(member)),
            isSupernet: true,
            parsed.Declared > members.Count ? RejectedMembers(cell, known, members, parsed.ErrorIds) : EquatableArray<RejectedMemberModel>.Empty);
        if (ReportNameClashes(cell, model, diagnostics))
            return Result(Rejected(context, cell, declaration, known, DiagnosticDescriptors.GeneratedNameTaken), diagnostics);
        return Result(model, diagnostics);
    }

    private static EquatableArray<RejectedMemberModel> RejectedMembers(INamedTypeSymbol cell, KnownTypes known,
        List<ChoiceMemberModel> members, IReadOnlyDictionary<string, string> errorIds)
    {
        var accepted = new HashSet<string>(members.Select(member => member.Name));
        return RejectedMemberReader.Read(cell, known, accepted.Contains, name => errorIds.TryGetValue(name, out var id) ? id : null);
    }

    /// <summary>
    /// A cell the generator rejected as a whole: no supernet, only its partial choice members implemented by a throw
    /// that names <paramref name="error"/>; null when it has none.
    /// </summary>
    private static CellModel? Rejected(GeneratorAttributeSyntaxContext context, INamedTypeSymbol cell, TypeDeclarationSyntax declaration,
        KnownTypes known, DiagnosticDescriptor error)
    {
        var rejected = RejectedMemberReader.Read(cell, known, _ => false, _ => error.Id);
        if (rejected.Count == 0) return null;
        var noSource = new SourceCaptureModel(null, EquatableArray<string>.Empty, EquatableArray<string>.Empty, "", EquatableArray<string>.Empty);
        return Model(context, cell, declaration, EquatableArray<CandidateSetModel>.Empty, EquatableArray<ChoiceMemberModel>.Empty, noSource,
            isSupernet: false, rejected);
    }

    private static CellModel Model(GeneratorAttributeSyntaxContext context, INamedTypeSymbol cell, TypeDeclarationSyntax declaration,
        EquatableArray<CandidateSetModel> sets, EquatableArray<ChoiceMemberModel> members, SourceCaptureModel source, bool isSupernet,
        EquatableArray<RejectedMemberModel> rejected) =>
        new(cell.Name,
            cell.ToDisplayString(),
            cell.ToDisplayString(SymbolFormats.FullyQualified),
            SourceText.NamespaceOf(cell),
            TypeShape.ContainingTypes(declaration),
            TypeShape.Keyword(declaration),
            Accessibility(cell),
            SharedArchitecture(context.Attributes),
            sets,
            members,
            source,
            isSupernet,
            rejected);

    /// <summary>
    /// Reports each member of the cell, and each type beside it, named like something the generator adds (which would
    /// be a CS0102 in the generated file); true when there is one.
    /// </summary>
    private static bool ReportNameClashes(INamedTypeSymbol cell, CellModel model, List<DiagnosticInfo> diagnostics)
    {
        int before = diagnostics.Count;
        // MemberNames comes from the declarations without building member symbols; it leaves out nested types.
        var declared = new HashSet<string>(cell.MemberNames);
        foreach (var nested in cell.GetTypeMembers()) declared.Add(nested.Name);
        foreach (var (name, kind) in CellEmitter.GeneratedMembers(model))
            if (declared.Contains(name))
                ReportClash(cell.GetMembers(name), name, cell.Name, kind, diagnostics);

        string architecture = model.Name + "Architecture";
        var siblings = cell.ContainingType is { } container ? container.GetTypeMembers(architecture, 0) : cell.ContainingNamespace.GetTypeMembers(architecture, 0);
        ReportClash(siblings.CastArray<ISymbol>(), architecture, cell.ContainingSymbol.ToDisplayString(), "the typed architecture", diagnostics);
        return diagnostics.Count > before;
    }

    private static void ReportClash(System.Collections.Immutable.ImmutableArray<ISymbol> candidates, string name, string owner, string kind,
        List<DiagnosticInfo> diagnostics)
    {
        foreach (var symbol in candidates)
        {
            if (symbol.IsImplicitlyDeclared || symbol.Locations.FirstOrDefault(l => l.IsInSource) is not { } location) continue;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GeneratedNameTaken, LocationInfo.From(location), name, owner, kind));
            return;
        }
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
            Counted(choices.ToString(CultureInfo.InvariantCulture), "choice"), Counted(sizeText, "architecture"));
    }

    /// <summary>"1 choice", "12 choices".</summary>
    private static string Counted(string number, string noun) => number + " " + (number == "1" ? noun : noun + "s");
}
