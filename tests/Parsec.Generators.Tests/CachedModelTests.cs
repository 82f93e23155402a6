using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Parsec.Generators.Model;
using Parsec.Generators.Tests.Infrastructure;
using Xunit;

namespace Parsec.Generators.Tests;

/// <summary>
/// What the pipeline caches between runs holds no compiler object: a symbol, compilation, syntax node, tree or semantic
/// model would keep a whole compilation alive and, compared by reference, make every run look changed. Checked by
/// reflection over every type reachable from the pipeline's outputs, so that a field added anywhere is checked too.
/// </summary>
public sealed class CachedModelTests
{
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(Location),
    };

    /// <summary>The one allowed exception: a diagnostic's tree, which the separate diagnostic steps carry to report it in that tree.</summary>
    private static readonly (Type Owner, Type Type) DiagnosticTree = (typeof(LocationInfo), typeof(SyntaxTree));

    [Fact]
    public void The_emitted_models_hold_no_compiler_object_and_no_diagnostic()
    {
        var roots = OutputTypes(SearchCellGenerator.Steps.CellModels, SearchCellGenerator.Steps.SearchModels);

        Assert.Contains(typeof(CellModel), roots);
        Assert.Contains(typeof(SearchModelModel), roots);
        Assert.Empty(Problems(roots, allowDiagnosticTree: false));
        Assert.DoesNotContain(typeof(DiagnosticInfo), Reachable(roots));
    }

    [Fact]
    public void Every_cached_step_holds_no_compiler_object_but_a_diagnostic_tree()
    {
        var roots = OutputTypes(IncrementalityTests.TrackedSteps);

        Assert.Contains(typeof(ParseResult<CellModel>), roots);
        Assert.Empty(Problems(roots, allowDiagnosticTree: true));
    }

    /// <summary>Every record of the model namespace, reachable from an output or not (a model about to be wired in).</summary>
    [Fact]
    public void Every_model_type_holds_no_compiler_object()
    {
        var models = typeof(CellModel).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(CellModel).Namespace && !t.IsGenericTypeDefinition && !t.IsNested && t != typeof(LocationInfo))
            .ToList();

        Assert.Contains(typeof(ChoiceMemberModel), models);
        Assert.Empty(Problems(models, allowDiagnosticTree: true));
    }

    /// <summary>The walk finds a forbidden type nested in a record inside an <see cref="EquatableArray{T}"/>, and in a property.</summary>
    [Fact]
    public void The_walk_finds_a_symbol_however_deep()
    {
        var problems = Problems(new[] { typeof(BadModel) }, allowDiagnosticTree: false);

        Assert.Contains(problems, p => p.Contains("BadInner.Symbol", StringComparison.Ordinal) && p.Contains("ISymbol", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("BadModel.Trees", StringComparison.Ordinal) && p.Contains("SyntaxTree", StringComparison.Ordinal));
    }

    private sealed record BadInner(string Name, ISymbol? Symbol);

    private sealed record BadModel(EquatableArray<BadInner> Inner)
    {
        public ImmutableArray<SyntaxTree> Trees => ImmutableArray<SyntaxTree>.Empty;
    }

    /// <summary>The runtime types of the outputs of <paramref name="steps"/> over the test sources (cells, a model, and diagnostics).</summary>
    private static List<Type> OutputTypes(params string[] steps)
    {
        var compilation = GeneratorHarness.Compilation(TestSources.DartsOps, TestSources.DartsCell, TestSources.ChainCell, TestSources.Network,
            DiagnosticTests.Prelude.Replace("namespace Tests;", "namespace Broken;")
            + "[SearchCell] public sealed class Plain : nn.Module<Tensor, Tensor>\n{\n    public Plain() : base(\"Plain\") { }\n"
            + "    public override Tensor forward(Tensor x) => x;\n}");
        var result = GeneratorHarness.Driver().RunGenerators(compilation).GetRunResult().Results[0];
        var types = new List<Type>();
        foreach (string step in steps)
            foreach (var run in result.TrackedSteps[step])
                foreach (var (value, _) in run.Outputs)
                    if (!types.Contains(value.GetType())) types.Add(value.GetType());
        return types;
    }

    /// <summary>Each path from a root to a forbidden field or property type, as <c>Owner.Member: Type</c>.</summary>
    private static List<string> Problems(IEnumerable<Type> roots, bool allowDiagnosticTree)
    {
        var problems = new List<string>();
        foreach (var (owner, member, type) in Members(roots))
        {
            if (allowDiagnosticTree && owner == DiagnosticTree.Owner && type == DiagnosticTree.Type) continue;
            foreach (var element in ElementTypes(type))
                if (Forbidden.FirstOrDefault(f => f.IsAssignableFrom(element) || element.IsAssignableFrom(f) && element != typeof(object)) is { } found)
                    problems.Add($"{owner.Name}.{member}: {type} holds {found.Name}");
                else if (element == typeof(object))
                    problems.Add($"{owner.Name}.{member}: {type} could hold anything");
        }
        return problems;
    }

    private static HashSet<Type> Reachable(IEnumerable<Type> roots) =>
        new(roots.Concat(Members(roots).SelectMany(m => ElementTypes(m.Type))));

    /// <summary>Every field and property of every type reachable from <paramref name="roots"/> that this generator declares.</summary>
    private static IEnumerable<(Type Owner, string Member, Type Type)> Members(IEnumerable<Type> roots)
    {
        const BindingFlags All = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>(roots.SelectMany(ElementTypes));
        while (pending.Count > 0)
        {
            var type = pending.Dequeue();
            if (!seen.Add(type) || !Walked(type)) continue;
            for (var current = type; current is not null && Walked(current); current = current.BaseType)
            {
                var members = current.GetFields(All).Select(f => (f.Name, f.FieldType))
                    .Concat(current.GetProperties(All).Where(p => p.GetIndexParameters().Length == 0).Select(p => (p.Name, p.PropertyType)));
                foreach (var (name, memberType) in members)
                {
                    yield return (current, name, memberType);
                    foreach (var element in ElementTypes(memberType)) pending.Enqueue(element);
                }
            }
        }
    }

    /// <summary>The generator's own types and the test's bad models are walked into; framework and Roslyn types are leaves.</summary>
    private static bool Walked(Type type) =>
        type.Assembly == typeof(CellModel).Assembly || type.Assembly == typeof(CachedModelTests).Assembly;

    /// <summary>A type and, for arrays, nullables and generic collections (EquatableArray, ImmutableArray, ...), its element types, recursively.</summary>
    private static IEnumerable<Type> ElementTypes(Type type)
    {
        yield return type;
        var inner = type.IsArray ? new[] { type.GetElementType()! } : type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes;
        foreach (var argument in inner)
            foreach (var element in ElementTypes(argument))
                yield return element;
    }
}
