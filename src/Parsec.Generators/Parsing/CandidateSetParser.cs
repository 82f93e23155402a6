using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Parsec.Generators.Model;

namespace Parsec.Generators.Parsing;

/// <summary>
/// Reads and validates the candidate set a <c>[Choice]</c> names. Its problems come without a location: the caller
/// reports them at the <c>typeof</c> argument of each choice that uses the set, where the user meets them, in the
/// cell's own file.
/// </summary>
internal static class CandidateSetParser
{
    /// <summary>The set's model (null when it cannot be used) and what is wrong with it, without locations.</summary>
    public static (CandidateSetModel? Set, List<DiagnosticInfo> Diagnostics) Parse(INamedTypeSymbol set, KnownTypes known)
    {
        var diagnostics = new List<DiagnosticInfo>();
        string setName = set.ToDisplayString();
        if (!KnownTypes.HasAttribute(set, known.CandidateSetAttribute))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotACandidateSet, null, setName));
            return (null, diagnostics);
        }
        if (IsGeneric(set))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericType, null, setName));
            return (null, diagnostics);
        }

        var candidates = new List<IMethodSymbol>();
        foreach (var member in set.GetMembers())
            if (member is IMethodSymbol method && KnownTypes.HasAttribute(method, known.CandidateAttribute))
                candidates.Add(method);
        candidates.Sort(Symbols.CompareSourceOrder);

        if (candidates.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyCandidateSet, null, setName));
            return (null, diagnostics);
        }

        var seen = new HashSet<string>();
        var first = candidates[0];
        foreach (var candidate in candidates)
        {
            if (!seen.Add(candidate.Name))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateCandidateName, null, setName, candidate.Name));
            if (!KnownTypes.DerivesFrom(candidate.ReturnType, known.TensorModule))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CandidateReturnType, null, setName, candidate.Name,
                    candidate.ReturnType.ToDisplayString()));
            if (!SameParameters(candidate, first))
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CandidateParametersDiffer, null, setName,
                    candidate.Name, ParameterTypes(candidate), first.Name, ParameterTypes(first)));
        }
        if (diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error))
            return (null, diagnostics);

        var candidateSyntax = new HashSet<SyntaxNode>(candidates.SelectMany(c => c.DeclaringSyntaxReferences).Select(r => r.GetSyntax()));
        var model = new CandidateSetModel(
            set.ToDisplayString(SymbolFormats.FullyQualified),
            setName,
            EquatableArray.From(candidates.Select(c => c.Name)),
            EquatableArray.From(candidates.Select(CandidateSource)),
            ParametersAsWritten(first),
            EquatableArray.From(first.Parameters.Select(Parameter)),
            SourceText.Capture(set, member => candidateSyntax.Contains(member)));
        return (model, diagnostics);
    }

    /// <summary>The candidates <paramref name="cell"/> cannot call (instance, generic, or inaccessible from it).</summary>
    public static IEnumerable<DiagnosticInfo> CallableProblems(INamedTypeSymbol set, INamedTypeSymbol cell, KnownTypes known)
    {
        foreach (var member in set.GetMembers())
            if (member is IMethodSymbol candidate && KnownTypes.HasAttribute(candidate, known.CandidateAttribute)
                && (!candidate.IsStatic || candidate.IsGenericMethod || !known.Compilation.IsSymbolAccessibleWithin(candidate, cell)))
                yield return DiagnosticInfo.Create(DiagnosticDescriptors.CandidateNotCallable, null, set.ToDisplayString(), candidate.Name, cell.Name);
    }

    private static bool IsGeneric(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
            if (current.IsGenericType) return true;
        return false;
    }

    private static bool SameParameters(IMethodSymbol a, IMethodSymbol b)
    {
        if (a.Parameters.Length != b.Parameters.Length) return false;
        for (int i = 0; i < a.Parameters.Length; i++)
            if (a.Parameters[i].RefKind != b.Parameters[i].RefKind
                || !SymbolEqualityComparer.Default.Equals(a.Parameters[i].Type, b.Parameters[i].Type))
                return false;
        return true;
    }

    private static string ParameterTypes(IMethodSymbol method) =>
        string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString()));

    private static string CandidateSource(IMethodSymbol candidate) =>
        candidate.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is MemberDeclarationSyntax syntax
            ? SourceText.Member(syntax)
            : "";

    private static string ParametersAsWritten(IMethodSymbol candidate) =>
        candidate.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is MethodDeclarationSyntax syntax
            ? SourceText.OneLine(syntax.ParameterList).Trim('(', ')')
            : string.Join(", ", candidate.Parameters.Select(p => p.ToDisplayString()));

    private static CandidateParameterModel Parameter(IParameterSymbol parameter)
    {
        string name = Identifiers.Escape(parameter.Name);
        string modifier = parameter.RefKind switch
        {
            RefKind.Ref => "ref ",
            RefKind.Out => "out ",
            RefKind.In => "in ",
            _ => "",
        };
        string declaration = (parameter.IsParams ? "params " : "") + modifier
            + parameter.Type.ToDisplayString(SymbolFormats.FullyQualified) + " " + name
            + (parameter.HasExplicitDefaultValue ? " = " + Literals.DefaultValue(parameter) : "");
        return new CandidateParameterModel(name, declaration, modifier + name);
    }
}
