using System;
using System.Collections.Immutable;
using System.Linq;
using Parsec.Generators.Tests.Samples;
using Parsec.SearchSpace;
using Xunit;
using static TorchSharp.torch;

namespace Parsec.Generators.Tests;

/// <summary>The supernet the real generator emits for <see cref="TinyCell"/>, run with TorchSharp.</summary>
public sealed class BehaviourTests
{
    private const int Features = 6;

    private static readonly TinyCellArchitecture Chosen = new(
        TinyCellArchitecture.TinyOpsCandidate.LinearTanh,
        ImmutableArray.Create(TinyCellArchitecture.NodeInputsOption.s, TinyCellArchitecture.NodeInputsOption.x),
        ImmutableArray.Create(TinyCellArchitecture.TinyOpsCandidate.Linear, TinyCellArchitecture.TinyOpsCandidate.LinearTanh),
        TinyCellArchitecture.SkipOption.node,
        2.0);

    [Fact]
    public void Selected_architecture_equals_the_hand_written_module_with_the_same_weights()
    {
        manual_seed(1);
        using var cell = new TinyCell(Features) { SelectedArchitecture = Chosen };
        using var fixedCell = new FixedTinyCell(Features);
        var fixedKeys = fixedCell.state_dict().Keys.ToHashSet();
        var weights = cell.state_dict().Where(entry => fixedKeys.Contains(entry.Key)).ToDictionary(e => e.Key, e => e.Value);
        Assert.Equal(fixedKeys.Count, weights.Count);
        fixedCell.load_state_dict(weights, strict: true);

        using var input = randn(4, Features);
        using var expected = fixedCell.call(input);
        using var actual = cell.call(input);

        Assert.True(actual.allclose(expected, rtol: 1e-6, atol: 1e-7), "the supernet's chosen path differs from the fixed module");
        Assert.False(actual.allclose(fixedCell.call(input) * 0.5), "the test would pass for any output");
    }

    [Fact]
    public void Relaxation_with_one_hot_weights_equals_the_selected_forward()
    {
        manual_seed(2);
        using var cell = new TinyCell(Features) { SelectedArchitecture = Chosen };
        using var input = randn(3, Features);
        using var selected = cell.call(input);

        cell.Relaxation = new OneHotRelaxation(Chosen.ToCellArchitecture(), TinyCell.Space);
        using var relaxed = cell.call(input);

        Assert.True(relaxed.allclose(selected, rtol: 1e-6, atol: 1e-7), "one-hot relaxation differs from the selected forward");
    }

    [Fact]
    public void Relaxation_mixes_every_candidate()
    {
        manual_seed(3);
        using var cell = new TinyCell(Features) { SelectedArchitecture = Chosen };
        using var input = randn(3, Features);
        using var selected = cell.call(input);

        cell.Relaxation = new UniformRelaxation();

        Assert.False(cell.call(input).allclose(selected), "uniform weights should not reproduce one architecture");
    }

    [Fact]
    public void Relaxed_forward_and_its_gradients_follow_the_contract_formula()
    {
        manual_seed(4);
        using var cell = new TinyCell(Features);
        var relaxation = new LearnedRelaxation(TinyCell.Space);
        cell.Relaxation = relaxation;
        var modules = cell.named_children().ToDictionary(child => child.name, child => (nn.Module<Tensor, Tensor>)child.module);
        using var x = randn(3, Features);

        var relaxed = cell.call(x);
        relaxed.sum().backward();
        var relaxedGradients = relaxation.Logits.Select(logits => logits.grad!.clone()).ToList();
        foreach (var logits in relaxation.Logits) logits.grad!.zero_();

        // The formula of docs/architecture.md, written out with plain out-of-place operations.
        var ops = new[] { "Linear", "LinearTanh", "Identity" };
        Tensor Mix(int choice, int input, string prefix, Tensor on)
        {
            var weights = relaxation.OperationWeights(cell, choice, input);
            return Enumerable.Range(0, ops.Length).Select(o => weights[o] * modules[prefix + ops[o]].call(on)).Aggregate((l, r) => l + r);
        }
        var s = modules["stem"].call(x);
        var a = Mix(0, 0, "Act_", s);
        var nodeInputs = new[] { x, a, s };
        var inputNames = new[] { "x", "a", "s" };
        Tensor Slot(int slot) => Enumerable.Range(0, 3)
            .Select(j => relaxation.InputWeights(cell, 1, slot)[j] * Mix(2 + slot, j, "NodeOp_" + inputNames[j] + "_", nodeInputs[j]))
            .Aggregate((l, r) => l + r);
        var node = Slot(0) + Slot(1);
        var skipWeights = relaxation.InputWeights(cell, 4, 0);
        var expected = (skipWeights[0] * node + skipWeights[1] * a) * 1.0;
        expected.sum().backward();

        Assert.True(relaxed.allclose(expected, rtol: 1e-5, atol: 1e-6), "the relaxed forward differs from the formula");
        for (int i = 0; i < relaxedGradients.Count; i++)
            Assert.True(relaxedGradients[i].allclose(relaxation.Logits[i].grad!, rtol: 1e-4, atol: 1e-6), $"the gradient of weights {i} differs");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_candidate_is_registered_once_under_the_contract_names(bool registerFirst)
    {
        using var cell = new TinyCell(Features, registerFirst);

        var names = cell.named_children().Select(child => child.name).ToList();

        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.Equal(
            new[] { "Act_Identity", "Act_Linear", "Act_LinearTanh",
                    "NodeOp_a_Identity", "NodeOp_a_Linear", "NodeOp_a_LinearTanh",
                    "NodeOp_s_Identity", "NodeOp_s_Linear", "NodeOp_s_LinearTanh",
                    "NodeOp_x_Identity", "NodeOp_x_Linear", "NodeOp_x_LinearTanh", "stem" },
            names.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Forward_without_architecture_or_relaxation_says_what_to_set()
    {
        using var cell = new TinyCell(Features);

        var error = Assert.Throws<InvalidOperationException>(() => cell.call(randn(1, Features)));

        Assert.Contains("set Architecture", error.Message);
    }

    [Fact]
    public void Forward_before_building_names_the_missing_build_call()
    {
        using var cell = new TinyCell(Features, build: false) { SelectedArchitecture = Chosen };

        var error = Assert.Throws<InvalidOperationException>(() => cell.call(randn(1, Features)));

        Assert.Contains("BuildAct(features)", error.Message);
    }

    [Fact]
    public void Typed_architecture_round_trips_through_the_generic_form_and_json()
    {
        var generic = Chosen.ToCellArchitecture();

        Assert.Equal(Chosen, TinyCellArchitecture.FromCellArchitecture(generic));
        Assert.Equal(Chosen, TinyCellArchitecture.Parse(Chosen.ToJson()));
        Assert.Equal("Act=LinearTanh, NodeInputs=[s, x], NodeOp=[Linear, LinearTanh], Skip=node, Scale=2", Chosen.ToString());
        Assert.Equal(new[] { "Act", "NodeInputs", "NodeOp[0]", "NodeOp[1]", "Skip", "Scale" }, TinyCell.Space.Choices.Select(c => c.Name));
        Assert.Contains("\"NodeOp[1]\":\"LinearTanh\"", Chosen.ToJson());
    }

    [Fact]
    public void Setting_an_architecture_that_does_not_fit_throws()
    {
        using var cell = new TinyCell(Features);
        var repeated = Chosen with { NodeInputs = ImmutableArray.Create(TinyCellArchitecture.NodeInputsOption.s, TinyCellArchitecture.NodeInputsOption.s) };

        Assert.Throws<ArgumentException>(() => cell.SelectedArchitecture = repeated);
        Assert.Null(cell.Architecture);
    }

    /// <summary>Weights that put all mass on one architecture.</summary>
    private sealed class OneHotRelaxation(CellArchitecture architecture, CellSearchSpace space) : IRelaxation
    {
        public Tensor OperationWeights(ISearchCell cell, int choice, int input) =>
            OneHot(architecture[choice], space.Choices[choice].Options.Length);

        public Tensor InputWeights(ISearchCell cell, int choice, int slot) =>
            OneHot(architecture.Selections[choice][slot], space.Choices[choice].Options.Length);

        private static Tensor OneHot(int index, int length)
        {
            var weights = zeros(length);
            weights[index] = tensor(1.0f);
            return weights;
        }
    }

    /// <summary>Softmax weights of learnable logits, one vector per (choice, input or slot), like DARTS's α.</summary>
    private sealed class LearnedRelaxation(CellSearchSpace space) : IRelaxation
    {
        private readonly System.Collections.Generic.Dictionary<(bool Operation, int Choice, int Index), Tensor> logits = new();

        public System.Collections.Generic.List<Tensor> Logits { get; } = new();

        public Tensor OperationWeights(ISearchCell cell, int choice, int input) => Weights(true, choice, input);

        public Tensor InputWeights(ISearchCell cell, int choice, int slot) => Weights(false, choice, slot);

        private Tensor Weights(bool operation, int choice, int index)
        {
            if (!logits.TryGetValue((operation, choice, index), out var vector))
            {
                vector = randn(space.Choices[choice].Options.Length).requires_grad_();
                logits[(operation, choice, index)] = vector;
                Logits.Add(vector);
            }
            return vector.softmax(0);
        }
    }

    /// <summary>Equal weights over every option.</summary>
    private sealed class UniformRelaxation : IRelaxation
    {
        public Tensor OperationWeights(ISearchCell cell, int choice, int input) =>
            full(cell.SearchSpace.Choices[choice].Options.Length, 1.0f / cell.SearchSpace.Choices[choice].Options.Length);

        public Tensor InputWeights(ISearchCell cell, int choice, int slot) =>
            full(cell.SearchSpace.Choices[choice].Options.Length, 1.0f / cell.SearchSpace.Choices[choice].Options.Length);
    }
}
