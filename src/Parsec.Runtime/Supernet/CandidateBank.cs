using System;
using System.Collections.Immutable;
using System.Linq;
using Parsec.SearchSpace;
using static TorchSharp.torch;

namespace Parsec.Supernet;

/// <summary>
/// The candidate modules of one operation choice of a search cell, or of one per-input family (a module per input
/// and candidate): registers them under the names the exporter expects and runs the choice's forward, selected
/// or relaxed.
/// </summary>
/// <remarks>
/// Keep it in a field of the cell: it is neither a module nor a tensor, so TorchSharp's <c>RegisterComponents</c>
/// does not register it; <see cref="Register(nn.Module, int, nn.Module{Tensor, Tensor})"/> registers each candidate once.
/// </remarks>
public sealed class CandidateBank
{
    private readonly string cellName;
    private readonly int choice;
    private readonly Choice described;
    private readonly int inputChoice;
    private readonly ImmutableArray<string> inputNames;
    private readonly int candidates;
    private readonly nn.Module<Tensor, Tensor>?[] modules;
    // A family runs each (input, candidate) once per forward and shares the output between its slots.
    private readonly Tensor?[]? outputs;
    private int outputsOfInputCall = -1;
    private bool built;

    /// <summary>
    /// Creates the bank of operation choice <paramref name="choice"/> of <paramref name="space"/>; for a per-input
    /// family, <paramref name="choice"/> is its slot 0.
    /// </summary>
    public CandidateBank(CellSearchSpace space, int choice)
    {
        ArgumentNullException.ThrowIfNull(space);
        described = (uint)choice < (uint)space.Choices.Length && space.Choices[choice] is { Kind: ChoiceKind.Operation, Slot: 0 } found
            ? found
            : throw new ArgumentOutOfRangeException(nameof(choice), choice, "A candidate bank belongs to an operation choice (a family's slot 0).");
        cellName = SupernetState.ShortName(space);
        this.choice = choice;
        candidates = described.Options.Length;
        inputChoice = described.PerInput is null ? -1 : space.IndexOf(described.PerInput);
        if (described.PerInput is not null && inputChoice < 0)
            throw new ArgumentException($"{described.Member} names input choice '{described.PerInput}', which does not exist.", nameof(space));
        inputNames = inputChoice < 0 ? ImmutableArray<string>.Empty : space.Choices[inputChoice].Options;
        modules = new nn.Module<Tensor, Tensor>?[Math.Max(1, inputNames.Length) * candidates];
        if (inputChoice >= 0) outputs = new Tensor?[modules.Length];
    }

    /// <summary>Whether this bank holds a per-input family (a module per input and candidate).</summary>
    public bool IsFamily => inputChoice >= 0;

    /// <summary>
    /// Registers <paramref name="module"/> on <paramref name="owner"/> as candidate <paramref name="candidate"/> of an
    /// operation choice, named <c>{Member}_{Candidate}</c>. Each candidate is registered once.
    /// </summary>
    public void Register(nn.Module owner, int candidate, nn.Module<Tensor, Tensor> module)
    {
        if (IsFamily) throw new InvalidOperationException($"{cellName}.{described.Member} is a per-input family: register each candidate with its input.");
        Add(owner, candidate, CandidateModuleName.Of(described.Member, described.Options[candidate]), module);
    }

    /// <summary>
    /// Registers <paramref name="module"/> on <paramref name="owner"/> as candidate <paramref name="candidate"/> of a
    /// family for input <paramref name="input"/> of its input choice, named <c>{Member}_{InputName}_{Candidate}</c>.
    /// </summary>
    public void Register(nn.Module owner, int input, int candidate, nn.Module<Tensor, Tensor> module)
    {
        if (!IsFamily) throw new InvalidOperationException($"{cellName}.{described.Member} is not a per-input family: register its candidates without an input.");
        if ((uint)input >= (uint)inputNames.Length)
            throw new ArgumentOutOfRangeException(nameof(input), input, $"Build{described.Member} takes an input index from 0 to {inputNames.Length - 1}.");
        Add(owner, input * candidates + candidate, CandidateModuleName.Of(described.Member, inputNames[input], described.Options[candidate]), module);
    }

    /// <summary>
    /// The operation choice's forward: the chosen candidate on <paramref name="x"/>, or under a relaxation
    /// <c>sum_o w[o] * m_o(x)</c>.
    /// </summary>
    public Tensor Forward(ISearchCell cell, SupernetState state, Tensor x)
    {
        RequireBuilt();
        if (IsFamily) throw new InvalidOperationException($"{cellName}.{described.Member} is a per-input family: run it per slot.");
        if (state.Relaxation is not { } relaxation) return modules[state.RequireArchitecture()[choice]]!.call(x);
        var weights = relaxation.OperationWeights(cell, choice, 0);
        Tensor? sum = null;
        for (int candidate = 0; candidate < candidates; candidate++)
        {
            using var weight = weights[candidate];
            sum = RelaxedSum.Accumulate(sum, weight, modules[candidate]!.call(x));
        }
        return sum!;
    }

    /// <summary>
    /// Slot <paramref name="slot"/> of a per-input family: the chosen candidate of the input its input choice chose
    /// for the slot, on <paramref name="x"/>; or under a relaxation
    /// <c>sum_j InputWeights[j] * sum_o OperationWeights(input j)[o] * m_{j,o}(input_j)</c> over every input the
    /// input choice took (<paramref name="x"/> is then ignored).
    /// </summary>
    public Tensor Forward(ISearchCell cell, SupernetState state, int slot, Tensor x)
    {
        RequireBuilt();
        if (!IsFamily) throw new InvalidOperationException($"{cellName}.{described.Member} is not a per-input family: it has no slots.");
        int slots = state.Space.Choices[inputChoice].Count;
        if ((uint)slot >= (uint)slots)
            throw new ArgumentOutOfRangeException(nameof(slot), slot, $"{described.Member} has {slots} slot(s), one per input {described.PerInput} chooses.");
        if (state.Relaxation is { } relaxation) return Mix(cell, state, relaxation, slot);
        var selection = state.SelectionOf(inputChoice);
        if (selection.IsDefault) throw InputsFirst();
        return modules[selection[slot] * candidates + state.RequireArchitecture()[choice + slot]]!.call(x);
    }

    /// <summary>One family slot's relaxed output, accumulated straight into one sum: no per-input partial mix is kept.</summary>
    private Tensor Mix(ISearchCell cell, SupernetState state, IRelaxation relaxation, int slot)
    {
        var inputs = state.InputsOf(inputChoice) ?? throw InputsFirst();
        if (state.InputCallsOf(inputChoice) != outputsOfInputCall)
        {
            Array.Clear(outputs!);
            outputsOfInputCall = state.InputCallsOf(inputChoice);
        }
        var inputWeights = relaxation.InputWeights(cell, inputChoice, slot);
        Tensor? sum = null;
        for (int input = 0; input < inputs.Length; input++)
        {
            using var inputWeight = inputWeights[input];
            using var weights = relaxation.OperationWeights(cell, choice + slot, input) * inputWeight;
            for (int candidate = 0; candidate < candidates; candidate++)
            {
                int index = input * candidates + candidate;
                using var weight = weights[candidate];
                sum = RelaxedSum.Accumulate(sum, weight, outputs![index] ??= modules[index]!.call(inputs[input]));
            }
        }
        return sum!;
    }

    private void Add(nn.Module owner, int index, string name, nn.Module<Tensor, Tensor> module)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(module);
        if (modules[index] is not null)
            throw new InvalidOperationException($"{cellName} already built {name}: call each Build method once (a family's once per input).");
        owner.register_module(name, module);
        modules[index] = module;
    }

    private void RequireBuilt()
    {
        if (built) return;
        if (modules.Any(module => module is null))
        {
            var parameters = (IsFamily ? new[] { "input" } : Array.Empty<string>())
                .Concat(described.CandidateSet?.ParameterNames ?? ImmutableArray<string>.Empty);
            string call = $"Build{described.Member}({string.Join(", ", parameters)})"
                + (IsFamily ? $" for every input from 0 to {inputNames.Length - 1}" : "");
            throw new InvalidOperationException($"{cellName} ran forward before every candidate was built: call {call} in its constructor.");
        }
        built = true;
    }

    private InvalidOperationException InputsFirst() =>
        new($"{cellName}.{described.Member} runs on the inputs that {described.PerInput} chose: call {described.PerInput} before {described.Member} in forward.");
}
