using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Parsec.Generators.Model;

namespace Parsec.Generators.Parsing;

/// <summary>
/// The TorchSharp and Parsec types the parser compares against, looked up once per compilation: every cell's
/// transform runs on every edit, and a metadata-name lookup scans all references.
/// </summary>
internal sealed class KnownTypes
{
    private static readonly ConditionalWeakTable<Compilation, KnownTypes> Cache = new();

    // Every cell using a set would otherwise read and capture it again, on every edit.
    private readonly ConcurrentDictionary<INamedTypeSymbol, (CandidateSetModel? Set, List<DiagnosticInfo> Problems)> candidateSets =
        new(SymbolEqualityComparer.Default);

    // Tensor[], made once rather than once per input choice.
    private readonly ConcurrentDictionary<ITypeSymbol, IArrayTypeSymbol> arrays = new(SymbolEqualityComparer.Default);
    private readonly Func<ITypeSymbol, IArrayTypeSymbol> makeArray;

    // Every choice's signature names the same few types (Tensor, int), each costly to display.
    private readonly ConcurrentDictionary<ITypeSymbol, string> fullyQualifiedNames = new(SymbolEqualityComparer.IncludeNullability);

    // Per using static directive (this compilation's trees only): whether the type it imports has a member named nameof.
    private readonly ConcurrentDictionary<UsingDirectiveSyntax, bool> usingStaticImportsNameof = new();

    private readonly Lazy<bool> sourceDeclaresNameof;
    private readonly Lazy<bool> globalUsingStaticImportsNameof;

    private KnownTypes(Compilation compilation)
    {
        sourceDeclaresNameof = new Lazy<bool>(() => compilation.ContainsSymbolsWithName(Nameof, SymbolFilter.All));
        globalUsingStaticImportsNameof = new Lazy<bool>(GlobalUsingStaticImportsNameof);
        makeArray = element => compilation.CreateArrayTypeSymbol(element);
        Compilation = compilation;
        Tensor = compilation.GetTypeByMetadataName("TorchSharp.torch+Tensor");
        Module = compilation.GetTypeByMetadataName("TorchSharp.torch+nn+Module");
        var genericModule = compilation.GetTypeByMetadataName("TorchSharp.torch+nn+Module`2");
        TensorModule = Tensor is not null ? genericModule?.Construct(Tensor, Tensor) : null;
        ChoiceAttribute = compilation.GetTypeByMetadataName("Parsec.ChoiceAttribute");
        InputChoiceAttribute = compilation.GetTypeByMetadataName("Parsec.InputChoiceAttribute");
        ValueChoiceAttribute = compilation.GetTypeByMetadataName("Parsec.ValueChoiceAttribute");
        CandidateSetAttribute = compilation.GetTypeByMetadataName("Parsec.CandidateSetAttribute");
        CandidateAttribute = compilation.GetTypeByMetadataName("Parsec.CandidateAttribute");
    }

    public Compilation Compilation { get; }

    /// <summary><c>TorchSharp.torch.Tensor</c>.</summary>
    public INamedTypeSymbol? Tensor { get; }

    /// <summary><c>TorchSharp.torch.nn.Module</c>, the base of every module.</summary>
    public INamedTypeSymbol? Module { get; }

    /// <summary><c>TorchSharp.torch.nn.Module&lt;Tensor, Tensor&gt;</c>, what a candidate returns.</summary>
    public INamedTypeSymbol? TensorModule { get; }

    public INamedTypeSymbol? ChoiceAttribute { get; }

    public INamedTypeSymbol? InputChoiceAttribute { get; }

    public INamedTypeSymbol? ValueChoiceAttribute { get; }

    public INamedTypeSymbol? CandidateSetAttribute { get; }

    public INamedTypeSymbol? CandidateAttribute { get; }

    /// <summary>The contextual keyword whose meaning the syntax reader checks.</summary>
    public const string Nameof = "nameof";

    /// <summary>The special type a predefined type keyword names (<c>int</c>, <c>string</c>), or <see cref="SpecialType.None"/>.</summary>
    public static SpecialType SpecialTypeOf(SyntaxToken keyword) => keyword.Kind() switch
    {
        SyntaxKind.BoolKeyword => SpecialType.System_Boolean,
        SyntaxKind.ByteKeyword => SpecialType.System_Byte,
        SyntaxKind.SByteKeyword => SpecialType.System_SByte,
        SyntaxKind.ShortKeyword => SpecialType.System_Int16,
        SyntaxKind.UShortKeyword => SpecialType.System_UInt16,
        SyntaxKind.IntKeyword => SpecialType.System_Int32,
        SyntaxKind.UIntKeyword => SpecialType.System_UInt32,
        SyntaxKind.LongKeyword => SpecialType.System_Int64,
        SyntaxKind.ULongKeyword => SpecialType.System_UInt64,
        SyntaxKind.FloatKeyword => SpecialType.System_Single,
        SyntaxKind.DoubleKeyword => SpecialType.System_Double,
        SyntaxKind.DecimalKeyword => SpecialType.System_Decimal,
        SyntaxKind.CharKeyword => SpecialType.System_Char,
        SyntaxKind.StringKeyword => SpecialType.System_String,
        SyntaxKind.ObjectKeyword => SpecialType.System_Object,
        _ => SpecialType.None,
    };

    /// <summary>Whether any source declaration of the compilation (type, member or namespace) is named <c>nameof</c>.</summary>
    public bool SourceDeclaresNameof => sourceDeclaresNameof.Value;

    public static KnownTypes For(Compilation compilation) => Cache.GetValue(compilation, c => new KnownTypes(c));

    /// <summary>A candidate set read once per compilation (see <see cref="CandidateSetParser.Parse"/>).</summary>
    public (CandidateSetModel? Set, List<DiagnosticInfo> Problems) CandidateSet(INamedTypeSymbol set) =>
        candidateSets.GetOrAdd(set, symbol => CandidateSetParser.Parse(symbol, this));

    /// <summary>The one-dimensional array of <paramref name="element"/>, made once per compilation.</summary>
    public IArrayTypeSymbol ArrayOf(ITypeSymbol element) => arrays.GetOrAdd(element, makeArray);

    /// <summary>A type's name in <see cref="SymbolFormats.FullyQualified"/>, computed once per compilation.</summary>
    public string FullyQualifiedName(ITypeSymbol type) =>
        fullyQualifiedNames.GetOrAdd(type, static symbol => symbol.ToDisplayString(SymbolFormats.FullyQualified));

    /// <summary>
    /// Whether a <c>using static</c> directive in scope at <paramref name="declaration"/> (a global one anywhere in the
    /// compilation, or one of its file or enclosing namespaces) imports a type with a member named <c>nameof</c>, or
    /// one that does not bind; source types are left to <see cref="SourceDeclaresNameof"/>.
    /// </summary>
    public bool UsingStaticImportsNameof(SyntaxNode declaration, SemanticModel model)
    {
        if (globalUsingStaticImportsNameof.Value) return true;
        for (var node = declaration.Parent; node is not null; node = node.Parent)
        {
            var usings = node switch
            {
                BaseNamespaceDeclarationSyntax ns => ns.Usings,
                CompilationUnitSyntax unit => unit.Usings,
                _ => default,
            };
            foreach (var directive in usings)
                if (directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) && !directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)
                    && ImportsNameof(directive, model))
                    return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="type"/> or one of its bases comes from metadata and has a member named <c>nameof</c>.</summary>
    public static bool MetadataDeclaresNameof(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
            if (current.DeclaringSyntaxReferences.IsEmpty && !current.GetMembers(Nameof).IsEmpty) return true;
        return false;
    }

    private bool GlobalUsingStaticImportsNameof()
    {
        foreach (var tree in Compilation.SyntaxTrees)
            if (tree.GetRoot() is CompilationUnitSyntax unit)
                foreach (var directive in unit.Usings)
                    if (directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) && directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)
                        && ImportsNameof(directive, null))
                        return true;
        return false;
    }

    private bool ImportsNameof(UsingDirectiveSyntax directive, SemanticModel? model)
    {
        if (usingStaticImportsNameof.TryGetValue(directive, out bool imports)) return imports;
        var semanticModel = model is not null && model.SyntaxTree == directive.SyntaxTree ? model : Compilation.GetSemanticModel(directive.SyntaxTree);
        imports = directive.NamespaceOrType is not { } name
            || semanticModel.GetSymbolInfo(name).Symbol is not ITypeSymbol type
            || MetadataDeclaresNameof(type);
        usingStaticImportsNameof.TryAdd(directive, imports);
        return imports;
    }

    public bool IsTensor(ITypeSymbol? type) =>
        type is not null && Tensor is not null && SymbolEqualityComparer.Default.Equals(type, Tensor);

    /// <summary>Whether <paramref name="type"/> is or derives from <paramref name="baseType"/>.</summary>
    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null) return false;
        for (var current = type; current is not null; current = current.BaseType)
            if (SymbolEqualityComparer.Default.Equals(current, baseType)) return true;
        return false;
    }

    public static bool Is(AttributeData attribute, INamedTypeSymbol? attributeType) =>
        attributeType is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType);

    public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null) return false;
        foreach (var attribute in symbol.GetAttributes())
            if (Is(attribute, attributeType)) return true;
        return false;
    }
}
