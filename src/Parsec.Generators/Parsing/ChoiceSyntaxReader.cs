using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Parsec.Generators.Parsing;

/// <summary>
/// Reads the plain choice members of one cell from their syntax: a single <c>[Choice]</c> or <c>[InputChoice]</c>
/// with literal, <c>nameof</c> and <c>typeof</c> arguments, over <c>Tensor</c>, <c>Tensor[]</c> and <c>int</c>; a
/// single <c>[ValueChoice]</c> of literals of the get-only property's own type.
/// </summary>
/// <remarks>
/// Why it exists: read from symbols alone (every attribute and signature bound), the generator benchmark's 100 cells
/// miss its 50 ms target; read here, they meet it (figures in bench/README.md, `generator`). Attributes are
/// never bound, only their names looked up, once per spelling and class declaration, and a cell whose attributed
/// members are all read here never has its member symbols built. Any other cell (other attributes, generic or unusual
/// members, other argument forms, names that do not bind to the expected symbols) is read from its symbols.
/// </remarks>
internal sealed class ChoiceSyntaxReader
{
    private static readonly HashSet<string> ChoiceAttributeNames = new()
    {
        "Choice", "ChoiceAttribute", "InputChoice", "InputChoiceAttribute",
    };

    private static readonly HashSet<string> ValueChoiceAttributeNames = new() { "ValueChoice", "ValueChoiceAttribute" };

    private readonly INamedTypeSymbol cell;
    private readonly KnownTypes known;
    private readonly SemanticModel targetModel;
    private readonly Dictionary<TypeDeclarationSyntax, DeclarationScope> scopes = new();
    private Dictionary<string, int>? declarationsByName;
    private List<TypeDeclarationSyntax>? parts;
    private bool partsRead;

    public ChoiceSyntaxReader(INamedTypeSymbol cell, KnownTypes known, SemanticModel targetModel)
    {
        this.cell = cell;
        this.known = known;
        this.targetModel = targetModel;
    }

    /// <summary>
    /// Every member of the cell that carries attributes, in declaration order (files by path, then position), each
    /// read from syntax; null when one of them cannot be, and then only the symbols can tell the whole cell: a member
    /// with any other attribute, a property with attributes on an accessor, a record or primary constructor.
    /// </summary>
    /// <remarks>Reading everything from syntax spares building the cell's member symbols at all.</remarks>
    public List<SyntaxMember>? TryReadAll(CancellationToken cancellationToken)
    {
        if (Parts(cancellationToken) is not { } declarations) return null;
        var read = new List<SyntaxMember>();
        foreach (var declaration in declarations)
        {
            foreach (var member in declaration.Members)
            {
                if (!HasAttributes(member)) continue;
                if (member is MethodDeclarationSyntax method && TryRead(method) is { } choice)
                    read.Add(new SyntaxMember(method, choice, null));
                else if (member is PropertyDeclarationSyntax property && TryReadValue(property) is { } value)
                    read.Add(new SyntaxMember(property, null, value));
                else
                    return null;
            }
        }
        return read;
    }

    private static bool HasAttributes(MemberDeclarationSyntax member)
    {
        if (member.AttributeLists.Count > 0) return true;
        if (member is BasePropertyDeclarationSyntax { AccessorList: { } accessors })
            foreach (var accessor in accessors.Accessors)
                if (accessor.AttributeLists.Count > 0) return true;
        return false;
    }

    /// <summary>The method read from syntax, or null when only its symbols can tell.</summary>
    private SyntaxChoice? TryRead(MethodDeclarationSyntax syntax)
    {
        if (syntax.ContainsDiagnostics || syntax.TypeParameterList is not null || syntax.ExplicitInterfaceSpecifier is not null)
            return null;
        if (SingleAttribute(syntax.AttributeLists, ChoiceAttributeNames) is not { } attribute) return null;
        // A second declaration (a written implementation part, an overload) would merge or change what the symbol says.
        if (Parts(CancellationToken.None) is null || DeclarationsNamed(syntax.Identifier.ValueText) != 1) return null;
        if (syntax.Parent is not TypeDeclarationSyntax { OpenBraceToken.IsMissing: false } container) return null;

        var scope = ScopeOf(container);
        var attributeClass = scope.AttributeClass(attribute);
        bool isInput = SymbolEqualityComparer.Default.Equals(attributeClass, known.InputChoiceAttribute);
        if (!isInput && !SymbolEqualityComparer.Default.Equals(attributeClass, known.ChoiceAttribute)) return null;

        var arguments = isInput ? InputArguments(attribute) : OperationArguments(attribute, syntax, scope);
        var signature = arguments is null ? null : Signature(syntax, scope);
        return signature is null ? null : new SyntaxChoice(isInput, attribute, arguments!, signature);
    }

    /// <summary>
    /// A well-formed value choice read from syntax: <c>[ValueChoice(1, 2)] private partial int Width { get; }</c>, every
    /// value a literal of the property's own type (int, long, uint, ulong, float, double, bool, char or string), so that
    /// each converts by identity. Null otherwise, malformed ones included: the symbols report what is wrong.
    /// </summary>
    private SyntaxValueChoice? TryReadValue(PropertyDeclarationSyntax syntax)
    {
        if (syntax.ContainsDiagnostics || syntax.ExplicitInterfaceSpecifier is not null || syntax.ExpressionBody is not null
            || syntax.Initializer is not null || !syntax.Modifiers.Any(SyntaxKind.PartialKeyword) || syntax.Modifiers.Any(SyntaxKind.StaticKeyword)
            || syntax.AccessorList is not { Accessors: { Count: 1 } accessors }
            || accessors[0] is not { Body: null, ExpressionBody: null, Modifiers.Count: 0 } getter
            || !getter.IsKind(SyntaxKind.GetAccessorDeclaration))
            return null;
        if (SingleAttribute(syntax.AttributeLists, ValueChoiceAttributeNames) is not { } attribute) return null;
        if (Parts(CancellationToken.None) is null || DeclarationsNamed(syntax.Identifier.ValueText) != 1) return null;
        if (syntax.Parent is not TypeDeclarationSyntax { OpenBraceToken.IsMissing: false } container) return null;

        var scope = ScopeOf(container);
        if (!SymbolEqualityComparer.Default.Equals(scope.AttributeClass(attribute), known.ValueChoiceAttribute)) return null;
        if (!IsPlainType(syntax.Type) || scope.Type(syntax.Type) is not { } type || attribute.ArgumentList is not { Arguments.Count: > 0 } list)
            return null;
        var values = ImmutableArray.CreateBuilder<string>(list.Arguments.Count);
        var constants = new List<object>(list.Arguments.Count);
        foreach (var argument in list.Arguments)
        {
            if (argument.NameEquals is not null || argument.NameColon is not null
                || Literals.Value(argument.Expression) is not { } value
                || known.Compilation.GetSpecialType(value.Type) is not { TypeKind: not TypeKind.Error } valueType
                || !SymbolEqualityComparer.Default.Equals(valueType, type)
                || constants.Contains(value.Value)) // a repeated value is an error the symbols report
                return null;
            values.Add(value.Text);
            constants.Add(value.Value);
        }
        return new SyntaxValueChoice(attribute, type, values.MoveToImmutable());
    }

    /// <summary>The only attribute of a member when it is in a list without target and spelled as one of <paramref name="names"/>.</summary>
    private static AttributeSyntax? SingleAttribute(SyntaxList<AttributeListSyntax> lists, HashSet<string> names)
    {
        if (lists.Count != 1) return null;
        var list = lists[0];
        return list.Target is null && list.Attributes.Count == 1 && HasAttributeName(list.Attributes[0].Name, names) ? list.Attributes[0] : null;
    }

    private static bool HasAttributeName(NameSyntax name, HashSet<string> names) => name switch
    {
        IdentifierNameSyntax simple => IsOneOf(simple.Identifier, names),
        QualifiedNameSyntax { Left: IdentifierNameSyntax { Identifier.Text: "Parsec" }, Right: IdentifierNameSyntax right } =>
            IsOneOf(right.Identifier, names),
        _ => false,
    };

    // A verbatim identifier (@Choice) turns off the Attribute suffix lookup; leave it to the symbols.
    private static bool IsOneOf(SyntaxToken identifier, HashSet<string> names) =>
        identifier.Text == identifier.ValueText && names.Contains(identifier.ValueText);

    /// <summary>
    /// How many member declarations of the cell, over all its parts, declare a member named <paramref name="name"/>:
    /// methods, properties, events, fields and nested types (explicit interface implementations name none).
    /// </summary>
    private int DeclarationsNamed(string name)
    {
        if (declarationsByName is null)
        {
            declarationsByName = new Dictionary<string, int>(64);
            foreach (var declaration in Parts(CancellationToken.None) ?? new List<TypeDeclarationSyntax>())
                foreach (var member in declaration.Members)
                    CountDeclaredNames(member, declarationsByName);
        }
        return declarationsByName.TryGetValue(name, out int found) ? found : 0;
    }

    /// <summary>Whether the only declarations named <paramref name="name"/> are methods (one or more).</summary>
    private bool OnlyMethodsNamed(string name)
    {
        int methods = 0;
        foreach (var declaration in Parts(CancellationToken.None) ?? new List<TypeDeclarationSyntax>())
            foreach (var member in declaration.Members)
                if (member is MethodDeclarationSyntax { ExplicitInterfaceSpecifier: null } method && method.Identifier.ValueText == name)
                    methods++;
        return methods > 0 && methods == DeclarationsNamed(name);
    }

    /// <summary>
    /// The cell's declarations in declaration order (files by path, then position); null when one is a record or has
    /// a primary constructor, whose implicit members the syntax of the body does not show.
    /// </summary>
    private List<TypeDeclarationSyntax>? Parts(CancellationToken cancellationToken)
    {
        if (!partsRead)
        {
            partsRead = true;
            var declarations = new List<TypeDeclarationSyntax>();
            foreach (var reference in cell.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration
                    || declaration is RecordDeclarationSyntax || declaration.ParameterList is not null)
                    return null;
                declarations.Add(declaration);
            }
            declarations.Sort(static (a, b) =>
            {
                int byFile = string.CompareOrdinal(a.SyntaxTree.FilePath, b.SyntaxTree.FilePath);
                return byFile != 0 ? byFile : a.SpanStart.CompareTo(b.SpanStart);
            });
            parts = declarations;
        }
        return parts;
    }

    private static void CountDeclaredNames(MemberDeclarationSyntax member, Dictionary<string, int> counts)
    {
        switch (member)
        {
            case MethodDeclarationSyntax { ExplicitInterfaceSpecifier: null } method:
                Count(method.Identifier);
                break;
            case BasePropertyDeclarationSyntax { ExplicitInterfaceSpecifier: null } property:
                if (property is PropertyDeclarationSyntax named) Count(named.Identifier);
                else if (property is EventDeclarationSyntax @event) Count(@event.Identifier);
                break;
            case BaseFieldDeclarationSyntax field:
                foreach (var variable in field.Declaration.Variables) Count(variable.Identifier);
                break;
            case BaseTypeDeclarationSyntax type:
                Count(type.Identifier);
                break;
            case DelegateDeclarationSyntax @delegate:
                Count(@delegate.Identifier);
                break;
        }

        void Count(SyntaxToken identifier)
        {
            counts.TryGetValue(identifier.ValueText, out int count);
            counts[identifier.ValueText] = count + 1;
        }
    }

    private DeclarationScope ScopeOf(TypeDeclarationSyntax container)
    {
        if (!scopes.TryGetValue(container, out var scope))
        {
            var model = container.SyntaxTree == targetModel.SyntaxTree
                ? targetModel
                : known.Compilation.GetSemanticModel(container.SyntaxTree);
            scope = new DeclarationScope(model, container.OpenBraceToken.Span.End, container, this);
            scopes.Add(container, scope);
        }
        return scope;
    }

    /// <summary><c>[InputChoice]</c> with at most <c>Count = int literal</c> and <c>Distinct = true/false</c>.</summary>
    private static ChoiceArguments? InputArguments(AttributeSyntax attribute)
    {
        int? count = null;
        bool? distinct = null;
        foreach (var argument in ArgumentsOf(attribute))
        {
            if (argument.NameColon is not null || argument.NameEquals is null) return null;
            switch (argument.NameEquals.Name.Identifier.ValueText)
            {
                case "Count" when count is null
                    && argument.Expression is LiteralExpressionSyntax { Token.Value: int written }
                    && argument.Expression.IsKind(SyntaxKind.NumericLiteralExpression):
                    count = written;
                    break;
                case "Distinct" when distinct is null && argument.Expression.IsKind(SyntaxKind.TrueLiteralExpression):
                    distinct = true;
                    break;
                case "Distinct" when distinct is null && argument.Expression.IsKind(SyntaxKind.FalseLiteralExpression):
                    distinct = false;
                    break;
                default:
                    return null;
            }
        }
        return new ChoiceArguments(null, null, count ?? 1, distinct ?? true);
    }

    /// <summary><c>[Choice(typeof(Set))]</c> with at most <c>PerInput = "Name"</c> or <c>PerInput = nameof(Name)</c>.</summary>
    private ChoiceArguments? OperationArguments(AttributeSyntax attribute, MethodDeclarationSyntax method, DeclarationScope scope)
    {
        INamedTypeSymbol? set = null;
        string? perInput = null;
        foreach (var argument in ArgumentsOf(attribute))
        {
            if (argument.NameColon is not null) return null;
            if (argument.NameEquals is null)
            {
                if (set is not null || perInput is not null || argument.Expression is not TypeOfExpressionSyntax { Type: NameSyntax setName }
                    || !IsPlainName(setName))
                    return null;
                set = scope.Type(setName) as INamedTypeSymbol;
                if (set is null or { TypeKind: TypeKind.Error }) return null;
            }
            else if (argument.NameEquals.Name.Identifier.ValueText == "PerInput" && perInput is null)
            {
                perInput = PerInputName(argument.Expression, method, scope);
                if (perInput is null) return null;
            }
            else
            {
                return null;
            }
        }
        return set is null ? null : new ChoiceArguments(set, perInput, Count: 1, Distinct: true);
    }

    /// <summary>A string literal's value, or <c>nameof(Member)</c> of a member of the cell, which binds for certain.</summary>
    private string? PerInputName(ExpressionSyntax expression, MethodDeclarationSyntax method, DeclarationScope scope)
    {
        if (expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            return literal.Token.ValueText;
        if (expression is not InvocationExpressionSyntax
            {
                Expression: IdentifierNameSyntax { Identifier.Text: "nameof" },
                ArgumentList.Arguments: { Count: 1 } nameofArguments,
            }
            || nameofArguments[0] is not { NameColon: null, RefKindKeyword.RawKind: 0, Expression: IdentifierNameSyntax named })
            return null;
        // 'nameof' is the operator only when nothing in scope is called nameof (method parameters are in scope too).
        if (!scope.NameofIsFree || method.ParameterList.Parameters.Any(p => p.Identifier.ValueText == "nameof")) return null;
        // The member binds unambiguously when one declaration names it, or only methods do (one method group);
        // counted from syntax, which never finds more than the symbols do.
        string name = named.Identifier.ValueText;
        return DeclarationsNamed(name) == 1 || OnlyMethodsNamed(name) ? name : null;
    }

    private ChoiceSignature? Signature(MethodDeclarationSyntax syntax, DeclarationScope scope)
    {
        var returnType = KnownShape(syntax.ReturnType, scope);
        if (returnType is null) return null;
        var parameters = ImmutableArray.CreateBuilder<ChoiceParameter>(syntax.ParameterList.Parameters.Count);
        foreach (var parameter in syntax.ParameterList.Parameters)
        {
            if (parameter.Modifiers.Count > 0 || parameter.AttributeLists.Count > 0 || parameter.Default is not null
                || parameter.Type is not { } typeSyntax || KnownShape(typeSyntax, scope) is not { } type)
                return null;
            parameters.Add(new ChoiceParameter(parameter.Identifier.ValueText, type, RefKind.None, IsParams: false));
        }
        return new ChoiceSignature(returnType, parameters.MoveToImmutable());
    }

    /// <summary>The type a plain type syntax names, when it is one the checks compare with: Tensor, Tensor[] or int.</summary>
    private ITypeSymbol? KnownShape(TypeSyntax syntax, DeclarationScope scope)
    {
        if (!IsPlainType(syntax) || scope.Type(syntax) is not { } type) return null;
        bool known = this.known.IsTensor(type) || type.SpecialType == SpecialType.System_Int32
            || type is IArrayTypeSymbol { Rank: 1 } array && this.known.IsTensor(array.ElementType);
        return known ? type : null;
    }

    private static bool IsPlainType(TypeSyntax syntax) => syntax switch
    {
        PredefinedTypeSyntax => true,
        ArrayTypeSyntax { RankSpecifiers.Count: 1 } array =>
            array.RankSpecifiers[0].Sizes is { Count: 1 } sizes && sizes[0] is OmittedArraySizeExpressionSyntax
            && array.ElementType is not ArrayTypeSyntax && IsPlainType(array.ElementType),
        NameSyntax name => IsPlainName(name),
        _ => false,
    };

    private static bool IsPlainName(NameSyntax name) => name switch
    {
        IdentifierNameSyntax => true,
        QualifiedNameSyntax qualified => qualified.Right is IdentifierNameSyntax && IsPlainName(qualified.Left),
        AliasQualifiedNameSyntax aliased => aliased.Name is IdentifierNameSyntax,
        _ => false,
    };

    private static SeparatedSyntaxList<AttributeArgumentSyntax> ArgumentsOf(AttributeSyntax attribute) =>
        attribute.ArgumentList?.Arguments ?? default;

    /// <summary>The bindings shared by the members of one class declaration, each spelling bound once.</summary>
    private sealed class DeclarationScope
    {
        private readonly SemanticModel model;
        private readonly int position;
        private readonly TypeDeclarationSyntax container;
        private readonly INamedTypeSymbol cell;
        private readonly KnownTypes known;
        private readonly Dictionary<string, INamedTypeSymbol?> attributeClasses = new();
        private readonly Dictionary<string, ITypeSymbol?> types = new();
        private bool? nameofIsFree;

        public DeclarationScope(SemanticModel model, int position, TypeDeclarationSyntax container, ChoiceSyntaxReader reader)
        {
            this.model = model;
            this.position = position;
            this.container = container;
            cell = reader.cell;
            known = reader.known;
        }

        /// <summary>
        /// Whether nothing called <c>nameof</c> is in scope, so that <c>nameof(...)</c> is the operator. Checked piece by
        /// piece, each piece conservative: no source declaration anywhere is named <c>nameof</c> (the compilation's
        /// declaration table), no type, namespace or alias here is (a type lookup), no member of a base type from
        /// metadata is, and no type that a <c>using static</c> in scope imports from metadata has such a member. Looking
        /// the name up as an expression would tell at once, but it builds every member symbol of the cell.
        /// </summary>
        public bool NameofIsFree => nameofIsFree ??=
            !known.SourceDeclaresNameof
            && Lookup(SyntaxFactory.IdentifierName(KnownTypes.Nameof)).Nothing
            && !MetadataBaseDeclaresNameof()
            && !known.UsingStaticImportsNameof(container, model);

        private bool MetadataBaseDeclaresNameof()
        {
            for (var type = cell; type is not null; type = type.ContainingType)
                if (KnownTypes.MetadataDeclaresNameof(type.BaseType)) return true;
            return false;
        }

        /// <summary>
        /// The class an attribute's name binds to, or null when it does not bind to exactly one type. The name is
        /// looked up from its place in an attribute, so the compiler applies its attribute-name rules (<c>Choice</c>
        /// finds <c>ChoiceAttribute</c>; both existing is ambiguous); the arguments are not bound, which would build a
        /// semantic model for the attribute and run nullability analysis over it, several times the cost.
        /// </summary>
        public INamedTypeSymbol? AttributeClass(AttributeSyntax attribute)
        {
            string spelling = attribute.Name.ToString();
            if (!attributeClasses.TryGetValue(spelling, out var found))
            {
                found = Lookup(attribute.Name).Symbol as INamedTypeSymbol;
                if (found is { TypeKind: TypeKind.Error }) found = null;
                attributeClasses.Add(spelling, found);
            }
            return found;
        }

        /// <summary>
        /// The type a plain type syntax names in this scope, or null when it does not bind to one. Keywords and arrays
        /// need no lookup: a keyword always names its special type, an array is made of its element type.
        /// </summary>
        public ITypeSymbol? Type(TypeSyntax syntax)
        {
            switch (syntax)
            {
                case PredefinedTypeSyntax predefined:
                    return KnownTypes.SpecialTypeOf(predefined.Keyword) is var special and not SpecialType.None
                        ? known.Compilation.GetSpecialType(special) is { TypeKind: not TypeKind.Error } specialType ? specialType : null
                        : null;
                case ArrayTypeSyntax { RankSpecifiers.Count: 1 } array when array.RankSpecifiers[0].Rank == 1:
                    return Type(array.ElementType) is { } element ? known.ArrayOf(element) : null;
                case NameSyntax name:
                    string spelling = name.ToString();
                    if (!types.TryGetValue(spelling, out var type))
                    {
                        type = Lookup(name).Symbol as ITypeSymbol;
                        if (type is { TypeKind: TypeKind.Error }) type = null;
                        types.Add(spelling, type);
                    }
                    return type;
                default:
                    return null;
            }
        }

        /// <summary>What a name binds to as a type or namespace here: the symbol when it binds to exactly one, and whether it found nothing at all.</summary>
        private (ISymbol? Symbol, bool Nothing) Lookup(NameSyntax name)
        {
            var info = model.GetSpeculativeSymbolInfo(position, name, SpeculativeBindingOption.BindAsTypeOrNamespace);
            bool noCandidates = info.CandidateSymbols.IsEmpty;
            return (noCandidates ? info.Symbol : null, noCandidates && info.Symbol is null);
        }
    }
}

/// <summary>A choice method read from syntax: its attribute, what the attribute says, and its signature.</summary>
internal sealed record SyntaxChoice(bool IsInput, AttributeSyntax Attribute, ChoiceArguments Arguments, ChoiceSignature Signature);

/// <summary>A value choice read from syntax: its attribute, the property's type, and the values as C# source text.</summary>
internal sealed record SyntaxValueChoice(AttributeSyntax Attribute, ITypeSymbol Type, ImmutableArray<string> Values);

/// <summary>A member of a cell read from syntax: a choice method (<see cref="Method"/>) or a value choice (<see cref="Value"/>).</summary>
internal sealed record SyntaxMember(MemberDeclarationSyntax Syntax, SyntaxChoice? Method, SyntaxValueChoice? Value);
