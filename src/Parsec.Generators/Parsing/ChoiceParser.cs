using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Parsec.Generators.Model;

namespace Parsec.Generators.Parsing;

/// <summary>
/// Reads the choice members of one cell: checks each member's kind and signature, resolves candidate sets and
/// PerInput links, and reports each problem at the syntax that has to change. Invalid members are left out.
/// </summary>
internal sealed class ChoiceParser
{
    private const string Choice = "Choice";
    private const string InputChoice = "InputChoice";
    private const string ValueChoice = "ValueChoice";

    private readonly INamedTypeSymbol cell;
    private readonly KnownTypes known;
    private readonly List<DiagnosticInfo> diagnostics;
    private readonly CancellationToken cancellationToken;
    private readonly List<CandidateSetModel> sets = new();
    private readonly Dictionary<INamedTypeSymbol, (int Index, List<DiagnosticInfo> Problems)> setsBySymbol =
        new(SymbolEqualityComparer.Default);
    private readonly List<(ChoiceMemberModel Member, LocationInfo? PerInputLocation)> members = new();
    private readonly HashSet<string> inputChoiceNames = new();

    // The first error reported at each member, by name: a rejected member's generated stub names it.
    private readonly Dictionary<string, string> errorIds = new();
    private string? memberBeingParsed;

    private ChoiceParser(INamedTypeSymbol cell, KnownTypes known, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        this.cell = cell;
        this.known = known;
        this.diagnostics = diagnostics;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>The cell's choice members, as <see cref="ParsedChoices"/> tells.</summary>
    public static ParsedChoices Parse(
        INamedTypeSymbol cell, KnownTypes known, ChoiceSyntaxReader? syntaxReader, List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        var parser = new ChoiceParser(cell, known, diagnostics, cancellationToken);
        var choiceSyntax = new HashSet<SyntaxNode>();
        if (syntaxReader?.TryReadAll(cancellationToken) is { } read)
        {
            foreach (var member in read)
            {
                cancellationToken.ThrowIfCancellationRequested();
                choiceSyntax.Add(member.Syntax);
                if (member is { Syntax: MethodDeclarationSyntax methodSyntax, Method: { } choice })
                    parser.ParseMethodChoice(ChoiceMethod.Of(methodSyntax), methodSyntax, choice.IsInput, choice.Attribute, choice.Arguments, choice.Signature);
                else if (member is { Syntax: PropertyDeclarationSyntax propertySyntax, Value: { } value })
                    parser.AddValue(propertySyntax, value.Type, value.Values);
            }
            return new ParsedChoices(parser.ResolveFamilies(), parser.sets, choiceSyntax, read.Count, parser.errorIds);
        }

        int declared = 0;
        var cellMembers = cell.GetMembers().ToList();
        cellMembers.Sort(Symbols.CompareSourceOrder);
        foreach (var member in cellMembers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var syntax = member.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
            // Binding attributes is the costly part of a parse, which reruns on every edit: skip members without any.
            if (!HasAttributeSyntax(syntax)) continue;
            var attributes = member.GetAttributes().Where(parser.IsChoiceAttribute).ToList();
            if (attributes.Count == 0) continue;
            declared++;
            if (syntax is MemberDeclarationSyntax declaration) choiceSyntax.Add(declaration);
            parser.ParseMember(member, syntax, attributes);
        }
        return new ParsedChoices(parser.ResolveFamilies(), parser.sets, choiceSyntax, declared, parser.errorIds);
    }

    private static bool HasAttributeSyntax(SyntaxNode? syntax) => syntax switch
    {
        MemberDeclarationSyntax member => member.AttributeLists.Count > 0,
        VariableDeclaratorSyntax { Parent.Parent: MemberDeclarationSyntax field } => field.AttributeLists.Count > 0,
        _ => true,
    };

    private bool IsChoiceAttribute(AttributeData attribute) =>
        KnownTypes.Is(attribute, known.ChoiceAttribute)
        || KnownTypes.Is(attribute, known.InputChoiceAttribute)
        || KnownTypes.Is(attribute, known.ValueChoiceAttribute);

    private void ParseMember(ISymbol member, SyntaxNode? syntax, List<AttributeData> attributes)
    {
        memberBeingParsed = member.Name;
        if (attributes.Count > 1)
        {
            Report(DiagnosticDescriptors.MultipleChoiceAttributes, AttributeSyntaxOf(attributes[1]), member.Name);
            return;
        }
        var attribute = attributes[0];
        var attributeSyntax = AttributeSyntaxOf(attribute);
        if (KnownTypes.Is(attribute, known.ValueChoiceAttribute))
        {
            if (member is IPropertySymbol { IsIndexer: false } property && syntax is PropertyDeclarationSyntax propertySyntax)
                ParseValue(property, propertySyntax, attribute, attributeSyntax);
            else
                Report(DiagnosticDescriptors.ChoiceOnWrongMemberKind, attributeSyntax, ValueChoice, member.Name,
                    "partial get-only properties such as 'private partial int Depth { get; }'");
            return;
        }

        bool isInput = KnownTypes.Is(attribute, known.InputChoiceAttribute);
        if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method || syntax is not MethodDeclarationSyntax methodSyntax)
        {
            if (isInput) inputChoiceNames.Add(member.Name);
            Report(DiagnosticDescriptors.ChoiceOnWrongMemberKind, attributeSyntax, isInput ? InputChoice : Choice, member.Name,
                isInput
                    ? "partial methods such as 'private partial Tensor[] Node1Inputs(Tensor s0, Tensor s1, Tensor n0);'"
                    : "partial methods such as 'private partial Tensor Act(Tensor x);'");
            return;
        }
        ParseMethodChoice(ChoiceMethod.Of(method), methodSyntax, isInput, attributeSyntax, ArgumentsOf(attribute), SignatureOf(method));
    }

    /// <summary>Checks and reads a choice method, however its attribute and signature were read.</summary>
    private void ParseMethodChoice(ChoiceMethod method, MethodDeclarationSyntax syntax, bool isInput, AttributeSyntax? attributeSyntax,
        ChoiceArguments arguments, ChoiceSignature signature)
    {
        memberBeingParsed = method.Name;
        if (isInput) inputChoiceNames.Add(method.Name);
        if (!IsPartialWithoutBody(syntax.Modifiers, syntax.Body is null && syntax.ExpressionBody is null))
        {
            Report(DiagnosticDescriptors.ChoiceMemberNotPartial, syntax.Identifier, method.Name);
            return;
        }
        if (isInput) ParseInput(method, syntax, signature, arguments, attributeSyntax);
        else ParseOperation(method, syntax, signature, arguments, attributeSyntax);
    }

    private static ChoiceArguments ArgumentsOf(AttributeData attribute) => new(
        attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is INamedTypeSymbol { TypeKind: not TypeKind.Error } set
            ? set
            : null,
        NamedArgument(attribute, "PerInput") as string,
        NamedArgument(attribute, "Count") is int count ? count : 1,
        NamedArgument(attribute, "Distinct") is not bool distinct || distinct);

    private static ChoiceSignature SignatureOf(IMethodSymbol method) => new(
        method.ReturnType,
        method.Parameters.Select(p => new ChoiceParameter(p.Name, p.Type, p.RefKind, p.IsParams)).ToImmutableArray());

    private void ParseOperation(ChoiceMethod method, MethodDeclarationSyntax syntax, ChoiceSignature signature, ChoiceArguments arguments,
        AttributeSyntax? attributeSyntax)
    {
        string? perInput = arguments.PerInput;
        bool isFamily = perInput is not null;
        string expected = isFamily
            ? $"'partial Tensor {method.Name}(int slot, Tensor x)' (a PerInput family takes the slot first)"
            : $"'partial Tensor {method.Name}(Tensor x)'";
        var parameters = signature.Parameters;
        bool parametersFit = isFamily
            ? parameters.Length == 2 && parameters[0].Type.SpecialType == SpecialType.System_Int32 && known.IsTensor(parameters[1].Type)
            : parameters.Length == 1 && known.IsTensor(parameters[0].Type);
        parametersFit = parametersFit && parameters.All(p => p.RefKind == RefKind.None && !p.IsParams);
        if (method.IsStatic || method.IsGeneric)
        {
            Report(DiagnosticDescriptors.OperationChoiceSignature, syntax.Identifier, method.Name, expected + " on an instance, without type parameters");
            return;
        }
        if (!known.IsTensor(signature.ReturnType))
        {
            Report(DiagnosticDescriptors.OperationChoiceSignature, syntax.ReturnType, method.Name, expected);
            return;
        }
        if (!parametersFit)
        {
            Report(DiagnosticDescriptors.OperationChoiceSignature, syntax.ParameterList, method.Name, expected);
            return;
        }

        if (arguments.Set is not { } setSymbol)
            return; // the compiler reports a missing or unresolved typeof; nothing to add
        var typeofSyntax = PositionalArgument(attributeSyntax, 0);
        int setIndex = ResolveSet(setSymbol, typeofSyntax, method.Name);
        if (setIndex < 0) return;

        var perInputSyntax = NamedArgumentSyntax(attributeSyntax, "PerInput");
        members.Add((new ChoiceMemberModel(
            isFamily ? ChoiceMemberKind.Family : ChoiceMemberKind.Operation,
            method.Name,
            MethodDeclaration(syntax),
            MethodSignature(method, syntax, signature),
            EquatableArray.From(parameters.Select(p => Identifiers.Escape(p.Name))),
            EquatableArray<string>.Empty,
            setIndex,
            perInput,
            Count: 1,
            Distinct: true,
            ReturnsArray: false,
            ValueType: "",
            Values: EquatableArray<string>.Empty), LocationInfo.From(perInputSyntax)));
    }

    private int ResolveSet(INamedTypeSymbol setSymbol, SyntaxNode? typeofSyntax, string choiceName)
    {
        if (!setsBySymbol.TryGetValue(setSymbol, out var entry))
        {
            var (set, problems) = known.CandidateSet(setSymbol);
            problems = problems.Concat(CandidateSetParser.CallableProblems(setSymbol, cell, known)).ToList();
            if (problems.Any(p => p.Descriptor.DefaultSeverity == DiagnosticSeverity.Error)) set = null;
            int index = -1;
            if (set is not null)
            {
                index = sets.Count;
                sets.Add(set);
            }
            entry = (index, problems);
            setsBySymbol.Add(setSymbol, entry);
        }
        var usage = LocationInfo.From(typeofSyntax);
        foreach (var problem in entry.Problems)
            Add(problem with { Location = usage });
        if (entry.Index >= 0 && sets[entry.Index].Candidates.Count == 1)
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SingleCandidate, usage,
                sets[entry.Index].FullName, sets[entry.Index].Candidates[0], choiceName));
        return entry.Index;
    }

    private void ParseInput(ChoiceMethod method, MethodDeclarationSyntax syntax, ChoiceSignature signature, ChoiceArguments arguments,
        AttributeSyntax? attributeSyntax)
    {
        var parameters = signature.Parameters;
        if (method.IsStatic || method.IsGeneric)
        {
            Report(DiagnosticDescriptors.InputChoiceSignature, syntax.Identifier, method.Name,
                "must be an instance method without type parameters");
            return;
        }
        for (int i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (known.IsTensor(parameter.Type) && parameter.RefKind == RefKind.None && !parameter.IsParams) continue;
            Report(DiagnosticDescriptors.InputChoiceSignature, SyntaxAt(syntax.ParameterList.Parameters, i) ?? (SyntaxNode)syntax.ParameterList,
                method.Name, $"must take only Tensor parameters, one per available input, but '{parameter.Name}' is not a Tensor");
            return;
        }
        bool returnsArray = signature.ReturnType is IArrayTypeSymbol { Rank: 1 } array && known.IsTensor(array.ElementType);
        if (!returnsArray && !known.IsTensor(signature.ReturnType))
        {
            Report(DiagnosticDescriptors.InputChoiceSignature, syntax.ReturnType, method.Name,
                "must return Tensor (when Count is 1) or Tensor[]");
            return;
        }
        int count = arguments.Count;
        bool distinct = arguments.Distinct;
        int inputs = parameters.Length;
        if (count < 1 || count > inputs)
        {
            var countSyntax = (SyntaxNode?)NamedArgumentSyntax(attributeSyntax, "Count") ?? attributeSyntax;
            Report(DiagnosticDescriptors.InputCountOutOfRange, countSyntax, method.Name, inputs.ToString(), count.ToString());
            return;
        }
        if (!returnsArray && count > 1)
        {
            Report(DiagnosticDescriptors.InputChoiceSignature, syntax.ReturnType, method.Name,
                $"returns one Tensor but takes Count = {count} inputs: return Tensor[]");
            return;
        }
        members.Add((new ChoiceMemberModel(
            ChoiceMemberKind.Input,
            method.Name,
            MethodDeclaration(syntax),
            MethodSignature(method, syntax, signature),
            EquatableArray.From(parameters.Select(p => Identifiers.Escape(p.Name))),
            EquatableArray.From(parameters.Select(p => p.Name)),
            SetIndex: -1,
            PerInput: null,
            count,
            distinct,
            returnsArray,
            ValueType: "",
            Values: EquatableArray<string>.Empty), null));
    }

    private void ParseValue(IPropertySymbol property, PropertyDeclarationSyntax syntax, AttributeData attribute, AttributeSyntax? attributeSyntax)
    {
        var accessors = syntax.AccessorList?.Accessors ?? default;
        bool withoutBodies = syntax.ExpressionBody is null && accessors.All(a => a.Body is null && a.ExpressionBody is null);
        if (!IsPartialWithoutBody(syntax.Modifiers, withoutBodies && syntax.AccessorList is not null))
        {
            Report(DiagnosticDescriptors.ChoiceMemberNotPartial, syntax.Identifier, property.Name);
            return;
        }
        if (property.IsStatic || property.GetMethod is null || property.SetMethod is not null || property.ReturnsByRef || property.ReturnsByRefReadonly)
        {
            var setter = accessors.FirstOrDefault(a => !a.IsKind(SyntaxKind.GetAccessorDeclaration));
            if (setter is not null) Report(DiagnosticDescriptors.ValueChoiceSignature, setter, property.Name);
            else Report(DiagnosticDescriptors.ValueChoiceSignature, syntax.Identifier, property.Name);
            return;
        }
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind != TypedConstantKind.Array)
            return; // the compiler reports a malformed attribute
        var argument = attribute.ConstructorArguments[0];
        var values = argument.IsNull ? System.Collections.Immutable.ImmutableArray<TypedConstant>.Empty : argument.Values;
        if (values.IsDefaultOrEmpty)
        {
            Report(DiagnosticDescriptors.EmptyValueList, attributeSyntax, property.Name);
            return;
        }
        var valueSyntax = PositionalArguments(attributeSyntax);
        bool oneSyntaxPerValue = valueSyntax.Count == values.Length;
        var texts = new List<string>();
        for (int i = 0; i < values.Length; i++)
        {
            var value = values[i];
            SyntaxNode? location = oneSyntaxPerValue ? valueSyntax[i] : attributeSyntax;
            // new[] { 1, 2 } is no object[], so C# passes the whole array as one value.
            if (value.Kind == TypedConstantKind.Array)
            {
                Report(DiagnosticDescriptors.ArrayValue, location, property.Name);
                return;
            }
            string? text = Literals.Constant(value);
            if (value.Kind == TypedConstantKind.Error || text is null) return; // the compiler reports it
            if (!SymbolEqualityComparer.Default.Equals(value.Type, values[0].Type))
            {
                Report(DiagnosticDescriptors.MixedValueTypes, location, text, property.Name, TypeName(value.Type), TypeName(values[0].Type));
                return;
            }
            if (!Converts(value, oneSyntaxPerValue ? valueSyntax[i] as ExpressionSyntax : null, property.Type))
            {
                Report(DiagnosticDescriptors.ValueNotConvertible, location, text, property.Name, TypeName(value.Type), property.Type.ToDisplayString());
                return;
            }
            for (int earlier = 0; earlier < i; earlier++)
            {
                if (!Equals(value.Value, values[earlier].Value)) continue;
                Report(DiagnosticDescriptors.RepeatedValue, location, text, property.Name, texts[earlier]);
                return;
            }
            texts.Add(text);
        }
        AddValue(syntax, property.Type, texts);
    }

    /// <summary>Adds a valid value choice: its property's syntax and type, its values as C# source text.</summary>
    private void AddValue(PropertyDeclarationSyntax syntax, ITypeSymbol type, IEnumerable<string> values)
    {
        string typeName = known.FullyQualifiedName(type);
        members.Add((new ChoiceMemberModel(
            ChoiceMemberKind.Value,
            syntax.Identifier.ValueText,
            PropertyDeclaration(syntax),
            PropertySignature(syntax, typeName),
            EquatableArray<string>.Empty,
            EquatableArray<string>.Empty,
            SetIndex: -1,
            PerInput: null,
            Count: 1,
            Distinct: true,
            ReturnsArray: false,
            typeName,
            EquatableArray.From(values)), null));
    }

    /// <summary>Whether a value converts implicitly, constants included (<c>3</c> converts to <c>byte</c>, <c>0.5</c> not to <c>float</c>).</summary>
    private bool Converts(TypedConstant value, ExpressionSyntax? expression, ITypeSymbol target)
    {
        if (value.Type is not null && known.Compilation.ClassifyCommonConversion(value.Type, target).IsImplicit) return true;
        if (expression is not null && known.Compilation.ContainsSyntaxTree(expression.SyntaxTree))
            return known.Compilation.GetSemanticModel(expression.SyntaxTree).ClassifyConversion(expression, target).IsImplicit;
        if (value.IsNull || value.Type is null)
            return !target.IsValueType || target.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
        return known.Compilation.ClassifyCommonConversion(value.Type, target).IsImplicit;
    }

    /// <summary>Links each family to its input choice, taking the number of slots from it.</summary>
    private List<ChoiceMemberModel> ResolveFamilies()
    {
        var inputs = members.Select(m => m.Member).Where(m => m.Kind == ChoiceMemberKind.Input).ToDictionary(m => m.Name);
        var resolved = new List<ChoiceMemberModel>();
        foreach (var (member, perInputLocation) in members)
        {
            if (member.Kind != ChoiceMemberKind.Family)
            {
                resolved.Add(member);
                continue;
            }
            memberBeingParsed = member.Name;
            if (inputs.TryGetValue(member.PerInput!, out var input))
                resolved.Add(member with { Count = input.Count });
            else if (cell.GetMembers(member.PerInput!).IsEmpty)
                Add(DiagnosticInfo.Create(DiagnosticDescriptors.PerInputMemberMissing, perInputLocation, member.Name, member.PerInput!, cell.Name));
            else if (!inputChoiceNames.Contains(member.PerInput!))
                Add(DiagnosticInfo.Create(DiagnosticDescriptors.PerInputNotInputChoice, perInputLocation, member.Name, member.PerInput!));
            // else: the input choice is invalid and already reported
        }
        return resolved;
    }

    private static bool IsPartialWithoutBody(SyntaxTokenList modifiers, bool withoutBody) =>
        modifiers.Any(SyntaxKind.PartialKeyword) && withoutBody;

    private static string MethodDeclaration(MethodDeclarationSyntax syntax)
    {
        var text = new StringBuilder();
        AppendModifiersWithoutPartial(text, syntax.Modifiers);
        SourceText.AppendOneLine(text, syntax.ReturnType);
        text.Append(' ').Append(syntax.Identifier.Text);
        if (syntax.TypeParameterList is { } typeParameters) SourceText.AppendOneLine(text, typeParameters);
        SourceText.AppendOneLine(text, syntax.ParameterList);
        return text.ToString();
    }

    private static string PropertyDeclaration(PropertyDeclarationSyntax syntax)
    {
        var text = new StringBuilder();
        AppendModifiersWithoutPartial(text, syntax.Modifiers);
        SourceText.AppendOneLine(text, syntax.Type);
        return text.Append(' ').Append(syntax.Identifier.Text).ToString();
    }

    private string MethodSignature(ChoiceMethod method, MethodDeclarationSyntax syntax, ChoiceSignature signature)
    {
        var text = new StringBuilder();
        AppendImplementationModifiers(text, syntax.Modifiers);
        text.Append(known.FullyQualifiedName(signature.ReturnType)).Append(' ').Append(Identifiers.Escape(method.Name)).Append('(');
        var parameters = signature.Parameters;
        for (int i = 0; i < parameters.Length; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(known.FullyQualifiedName(parameters[i].Type)).Append(' ').Append(Identifiers.Escape(parameters[i].Name));
        }
        return text.Append(')').ToString();
    }

    /// <summary>The signature of a value choice's implementation: modifiers, type and name.</summary>
    private static string PropertySignature(PropertyDeclarationSyntax syntax, string typeName)
    {
        var text = new StringBuilder();
        AppendImplementationModifiers(text, syntax.Modifiers);
        return text.Append(typeName).Append(' ').Append(Identifiers.Escape(syntax.Identifier.ValueText)).ToString();
    }

    /// <summary>The modifiers as written without <c>partial</c>, each followed by a space.</summary>
    internal static void AppendModifiersWithoutPartial(StringBuilder text, SyntaxTokenList modifiers)
    {
        foreach (var modifier in modifiers)
            if (!modifier.IsKind(SyntaxKind.PartialKeyword)) text.Append(modifier.Text).Append(' ');
    }

    /// <summary>The modifiers of the generated implementation: as written, with <c>partial</c> last, where C# requires it.</summary>
    internal static void AppendImplementationModifiers(StringBuilder text, SyntaxTokenList modifiers)
    {
        AppendModifiersWithoutPartial(text, modifiers);
        text.Append("partial ");
    }

    private static string TypeName(ITypeSymbol? type) => type?.ToDisplayString() ?? "null";

    private static object? NamedArgument(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
            if (argument.Key == name && argument.Value.Kind != TypedConstantKind.Error) return argument.Value.Value;
        return null;
    }

    private AttributeSyntax? AttributeSyntaxOf(AttributeData attribute) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;

    private static List<ExpressionSyntax> PositionalArguments(AttributeSyntax? attribute)
    {
        var arguments = new List<ExpressionSyntax>();
        if (attribute?.ArgumentList is { } list)
            foreach (var argument in list.Arguments)
                if (argument.NameEquals is null && argument.NameColon is null) arguments.Add(argument.Expression);
        return arguments;
    }

    private static ExpressionSyntax? PositionalArgument(AttributeSyntax? attribute, int index)
    {
        var arguments = PositionalArguments(attribute);
        return index < arguments.Count ? arguments[index] : null;
    }

    private static ExpressionSyntax? NamedArgumentSyntax(AttributeSyntax? attribute, string name)
    {
        if (attribute?.ArgumentList is { } list)
            foreach (var argument in list.Arguments)
                if (argument.NameEquals?.Name.Identifier.ValueText == name) return argument.Expression;
        return null;
    }

    private static SyntaxNode? SyntaxAt(SeparatedSyntaxList<ParameterSyntax> parameters, int index) =>
        index < parameters.Count ? parameters[index] : null;

    private void Report(DiagnosticDescriptor descriptor, SyntaxNode? location, params string[] arguments) =>
        Add(DiagnosticInfo.Create(descriptor, LocationInfo.From(location), arguments));

    private void Report(DiagnosticDescriptor descriptor, SyntaxToken location, params string[] arguments) =>
        Add(DiagnosticInfo.Create(descriptor, LocationInfo.From(location), arguments));

    private void Add(DiagnosticInfo diagnostic)
    {
        diagnostics.Add(diagnostic);
        if (memberBeingParsed is not null && diagnostic.Descriptor.DefaultSeverity == DiagnosticSeverity.Error && !errorIds.ContainsKey(memberBeingParsed))
            errorIds.Add(memberBeingParsed, diagnostic.Descriptor.Id);
    }
}

/// <summary>What <see cref="ChoiceParser"/> read of a cell's choice members.</summary>
/// <param name="Members">The valid choice members, in declaration order.</param>
/// <param name="Sets">The candidate sets they use.</param>
/// <param name="ChoiceSyntax">The declarations of the members that carry a choice attribute, left out of the cell's captured source.</param>
/// <param name="Declared">How many members carry a choice attribute, valid or not.</param>
/// <param name="ErrorIds">The id of the first error reported at each member, by member name.</param>
internal sealed record ParsedChoices(
    List<ChoiceMemberModel> Members,
    List<CandidateSetModel> Sets,
    HashSet<SyntaxNode> ChoiceSyntax,
    int Declared,
    IReadOnlyDictionary<string, string> ErrorIds);

/// <summary>What the checks need of a choice method besides its syntax, from its symbol or its declaration alike.</summary>
internal readonly record struct ChoiceMethod(string Name, bool IsStatic, bool IsGeneric)
{
    public static ChoiceMethod Of(IMethodSymbol method) => new(method.Name, method.IsStatic, method.IsGenericMethod);

    public static ChoiceMethod Of(MethodDeclarationSyntax syntax) =>
        new(syntax.Identifier.ValueText, syntax.Modifiers.Any(SyntaxKind.StaticKeyword), syntax.TypeParameterList is not null);
}

/// <summary>What a choice attribute says, with the attribute's defaults filled in.</summary>
/// <param name="Set">A <c>[Choice]</c>'s candidate set, null when the <c>typeof</c> argument is missing or does not bind.</param>
/// <param name="PerInput">A <c>[Choice]</c>'s <c>PerInput</c>, null when not set.</param>
/// <param name="Count">An <c>[InputChoice]</c>'s <c>Count</c>.</param>
/// <param name="Distinct">An <c>[InputChoice]</c>'s <c>Distinct</c>.</param>
internal sealed record ChoiceArguments(INamedTypeSymbol? Set, string? PerInput, int Count, bool Distinct);

/// <summary>A parameter of a choice method as the checks and the emitted signature need it.</summary>
internal readonly record struct ChoiceParameter(string Name, ITypeSymbol Type, RefKind RefKind, bool IsParams);

/// <summary>A choice method's return and parameter types.</summary>
internal sealed record ChoiceSignature(ITypeSymbol ReturnType, ImmutableArray<ChoiceParameter> Parameters);
