using System;
using System.Collections.Immutable;
using Parsec.SearchSpace;
using Xunit;

namespace Parsec.Runtime.Tests;

/// <summary>
/// The runtime pieces generated cells and their typed architectures are made with: the space builder, the
/// architecture builder and the conversions between option enums and option indices.
/// </summary>
public sealed class TypedArchitectureTests
{
    private enum Ops { A, B, C }

    private enum Inputs { X, Y, Z }

    private static readonly SourceCapture NoSource = new(null, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, "class Cell", ImmutableArray<string>.Empty);

    private static readonly CandidateSetSource Set = new("Tests.Ops", NoSource, ImmutableArray.Create("A", "B", "C"),
        ImmutableArray.Create("a", "b", "c"), "int n", ImmutableArray.Create("n"));

    /// <summary>An operation, an input choice of two with a family over it, and a value.</summary>
    private static readonly CellSearchSpace Space = new CellSearchSpaceBuilder("Tests.Cell", sharedArchitecture: false)
        .Operation("Act", Set, "Tensor Act(Tensor x)")
        .Input("Pick", 2, true, "Tensor[] Pick(Tensor x, Tensor y, Tensor z)", "X", "Y", "Z")
        .Family("Op", 2, "Pick", Set, "Tensor Op(int slot, Tensor x)")
        .Value("Width", "int Width", "1", "2")
        .Build(NoSource);

    private static readonly int[] Widths = { 1, 2 };

    [Fact]
    public void The_space_builder_makes_the_choices_a_cell_declares()
    {
        var expected = new CellSearchSpace("Tests.Cell", false, ImmutableArray.Create(
            new Choice("Act", ChoiceKind.Operation, Set.Candidates, CandidateSet: Set, Declaration: "Tensor Act(Tensor x)"),
            new Choice("Pick", ChoiceKind.Input, ImmutableArray.Create("X", "Y", "Z"), Count: 2, Distinct: true, Declaration: "Tensor[] Pick(Tensor x, Tensor y, Tensor z)"),
            new Choice("Op[0]", ChoiceKind.Operation, Set.Candidates, Member: "Op", Slot: 0, PerInput: "Pick", CandidateSet: Set, Declaration: "Tensor Op(int slot, Tensor x)"),
            new Choice("Op[1]", ChoiceKind.Operation, Set.Candidates, Member: "Op", Slot: 1, PerInput: "Pick", CandidateSet: Set, Declaration: "Tensor Op(int slot, Tensor x)"),
            new Choice("Width", ChoiceKind.Value, ImmutableArray.Create("1", "2"), Declaration: "int Width")), NoSource);

        Assert.Equal(expected, Space);
    }

    [Fact]
    public void A_typed_architecture_converts_to_indices_and_back()
    {
        var architecture = new CellArchitectureBuilder(Space)
            .Option(Ops.C)
            .Options(ImmutableArray.Create(Inputs.Z, Inputs.X))
            .Options(ImmutableArray.Create(Ops.B, Ops.A))
            .Value(Widths, 2)
            .Build();

        Assert.Equal("2|2,0|1|0|1", architecture.ToString());
        Assert.Equal(Ops.C, architecture.Option<Ops>(0));
        Assert.Equal(new[] { Inputs.Z, Inputs.X }, architecture.Options<Inputs>(1));
        Assert.Equal(new[] { Ops.B, Ops.A }, architecture.Slots<Ops>(2, 2));
    }

    [Fact]
    public void A_family_or_input_with_the_wrong_number_of_entries_is_named()
    {
        var builder = new CellArchitectureBuilder(Space).Option(Ops.A).Options(ImmutableArray.Create(Inputs.X, Inputs.Y));

        var error = Assert.Throws<ArgumentException>(() => builder.Options(ImmutableArray.Create(Ops.A)));
        Assert.Equal("Op takes 2 entries, one per slot.", error.Message);
        Assert.Throws<ArgumentException>(() => new CellArchitectureBuilder(Space).Option(Ops.A).Options(default(ImmutableArray<Inputs>)));
    }

    [Fact]
    public void A_value_that_was_not_declared_is_named()
    {
        var builder = new CellArchitectureBuilder(Space).Option(Ops.A).Options(ImmutableArray.Create(Inputs.X, Inputs.Y))
            .Options(ImmutableArray.Create(Ops.A, Ops.B));

        var error = Assert.Throws<ArgumentException>(() => builder.Value(Widths, 3));
        Assert.Equal("Width = 3 is not one of its declared values.", error.Message);
    }

    [Fact]
    public void Build_validates_the_whole_architecture()
    {
        var repeated = new CellArchitectureBuilder(Space).Option(Ops.A).Options(ImmutableArray.Create(Inputs.X, Inputs.X))
            .Options(ImmutableArray.Create(Ops.A, Ops.B)).Value(Widths, 1);

        Assert.Throws<ArgumentException>(() => repeated.Build());
        Assert.Throws<ArgumentException>(() => new CellArchitectureBuilder(Space).Option(Ops.A).Build());
    }

    [Fact]
    public void Option_arrays_compare_hash_and_print_by_content()
    {
        var left = ImmutableArray.Create(Ops.A, Ops.B);
        var right = ImmutableArray.Create(Ops.A, Ops.B);
        HashCode leftHash = new(), rightHash = new();
        TypedArchitecture.AddTo(ref leftHash, left);
        TypedArchitecture.AddTo(ref rightHash, right);

        Assert.True(TypedArchitecture.SequenceEqual(left, right));
        Assert.False(TypedArchitecture.SequenceEqual(left, default));
        Assert.True(TypedArchitecture.SequenceEqual(default(ImmutableArray<Ops>), default));
        Assert.Equal(leftHash.ToHashCode(), rightHash.ToHashCode());
        Assert.Equal("A, B", TypedArchitecture.Join(left));
        Assert.Equal("", TypedArchitecture.Join(default(ImmutableArray<Ops>)));
    }
}
