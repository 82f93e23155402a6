using System;
using System.IO;
using Parsec.SearchSpace;

namespace Parsec.Search;

/// <summary>
/// One search algorithm over a <see cref="ModelSearchSpace"/>. <see cref="ArchitectureSearch"/> owns the loop, the
/// data, the weight optimizer and checkpoints; a strategy only turns a step's batches into weight gradients and
/// updates its own architecture parameters. A new algorithm is a new implementation of this interface.
/// </summary>
public interface ISearchStrategy
{
    /// <summary>The strategy's name, recorded in checkpoints.</summary>
    string Name { get; }

    /// <summary>The model's search space.</summary>
    ModelSearchSpace Space { get; }

    /// <summary>Whether <see cref="Step"/> needs a held-out validation batch.</summary>
    bool NeedsValidationBatch { get; }

    /// <summary>Creates the strategy's optimizers and device tensors; called once per run, after the model is on its device.</summary>
    void Initialize(SearchContext context);

    /// <summary>
    /// Leaves the weight gradients for this step in the model's parameters' <c>.grad</c> (parameters it did not use keep
    /// none), updates the strategy's own parameters and returns what the step measured, with the entropy of the
    /// strategy's belief after the update. The caller wraps the call in a dispose scope.
    /// </summary>
    StepFigures Step(SearchStep step);

    /// <summary>
    /// The strategy's answer: its name, the space, the best architecture, ranked alternatives and per-choice beliefs.
    /// <see cref="ArchitectureSearch"/> adds the run's history.
    /// </summary>
    /// <param name="count">How many ranked architectures to return.</param>
    /// <param name="validationLoss">The mean held-out loss of an architecture with the current shared weights.</param>
    SearchResult Summarize(int count, Func<ModelArchitecture, double> validationLoss);

    /// <summary>Writes the strategy's parameters and optimizer state for a checkpoint.</summary>
    void SaveState(BinaryWriter writer);

    /// <summary>Restores what <see cref="SaveState"/> wrote; called after <see cref="Initialize"/>.</summary>
    void LoadState(BinaryReader reader);
}
