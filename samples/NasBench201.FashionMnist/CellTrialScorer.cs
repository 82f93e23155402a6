using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Parsec.Samples.NasBench201;
using Parsec.SearchSpace;
using Parsec.Trials;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>
/// The batch score function of a black-box search over NAS-Bench-201's cells (for
/// <see cref="Parsec.Search.BlackBox.BlackBoxSearch"/>'s batch overload): a cell's score is its test accuracy in
/// percent, the unit of a table, after training from scratch with one recipe and seed 1 (a table row's seed). A cell
/// that the lookup table holds is answered from it; the batch's other cells become <c>train-cell</c> trials that
/// run at once on the executor. The executor skips a trial whose result its results directory already holds, so a
/// cell trained by an earlier run (or by <c>table</c> with the same results directory) is not trained again.
/// </summary>
public sealed class CellTrialScorer
{
    /// <summary>The training seed of every cell: the seed of a table's rows, so a looked-up and a trained score agree.</summary>
    public const long TrainingSeed = 1;

    private readonly ModelSearchSpace space;
    private readonly ITrialExecutor executor;
    private readonly string recipe;
    private readonly string data;
    private readonly NasBench201Table? lookup;
    private readonly Func<string, IReadOnlyList<string>, TrialSpec>? trialOf;
    private readonly CancellationToken cancellationToken;

    /// <param name="space">The searched space: one <see cref="NasBench201Cell"/> (<c>ModelSearchSpace.OfCells(NasBench201Cell.Space)</c>).</param>
    /// <param name="executor">Runs the trials.</param>
    /// <param name="recipe">The recipe's name (<see cref="CellRecipe.Named"/>).</param>
    /// <param name="data">Fashion-MNIST's folder, as the trials see it.</param>
    /// <param name="lookup">A table trained with the same recipe whose cells are looked up instead of trained, or null.</param>
    /// <param name="cancellationToken">Stops the running trials; <see cref="Score"/> then throws <see cref="OperationCanceledException"/>.</param>
    /// <param name="trialOf">Makes a trial from an id and arguments; null for <see cref="TrialSpec.ForCurrentProcess"/> (a test host passes the sample's program).</param>
    /// <exception cref="ArgumentException">The recipe is unknown.</exception>
    public CellTrialScorer(ModelSearchSpace space, ITrialExecutor executor, string recipe, string data, NasBench201Table? lookup,
        CancellationToken cancellationToken, Func<string, IReadOnlyList<string>, TrialSpec>? trialOf = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(executor);
        CellRecipe.Named(recipe);
        this.space = space;
        this.executor = executor;
        this.recipe = recipe;
        this.data = data;
        this.lookup = lookup;
        this.cancellationToken = cancellationToken;
        this.trialOf = trialOf;
    }

    private readonly List<(NasBench201CellArchitecture Cell, double Score, CellScoreSource Source)> scored = new();

    /// <summary>Each scored cell with its score and where the score came from, in the order scored.</summary>
    public IReadOnlyList<(NasBench201CellArchitecture Cell, double Score, CellScoreSource Source)> Scored => scored;

    /// <summary>
    /// The test accuracy in percent of each cell of <paramref name="batch"/>, in order: looked up, or trained as one
    /// trial per distinct cell, all at once.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// A trial failed every attempt: the message names each failed cell, its trial and its error. The cells that
    /// finished keep their results, so running the command again trains only the failed ones.
    /// </exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; finished results stay.</exception>
    public IReadOnlyList<double> Score(IReadOnlyList<ModelArchitecture> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var cells = batch.Select(architecture => NasBench201Architecture.FromModelArchitecture(space, architecture)).ToList();
        var toTrain = cells.Where(cell => lookup is null || !lookup.TryGet(cell, out _)).Distinct()
            .Select(cell => new TableEntry(cell, TrainingSeed)).ToList();
        var trials = toTrain.Select(entry => TableBuilder.TrainCellTrial(entry, recipe, data, trialOf)).ToList();
        var outcomes = trials.Count == 0 ? [] : executor.Run(trials, progress: null, cancellationToken);

        var trained = new Dictionary<NasBench201CellArchitecture, TrialOutcome>();
        for (int i = 0; i < toTrain.Count; i++) trained[toTrain[i].Cell] = outcomes[i];
        var failed = trained.Where(pair => !pair.Value.Succeeded).ToList();
        if (failed.Count > 0)
            throw new InvalidOperationException(
                $"{failed.Count} of the step's {toTrain.Count} cells could not be trained, so they have no score: " +
                string.Join("; ", failed.Select(pair =>
                    $"cell {NasBench201Architecture.ToBenchmarkString(pair.Key)} (trial {pair.Value.Trial.Id}, {pair.Value.Attempts} attempts): {pair.Value.Error}")) +
                ". The cells that finished keep their results: run the same command again to retry the others.");

        var scores = new List<double>(cells.Count);
        foreach (var cell in cells)
        {
            var (score, source) = lookup is not null && lookup.TryGet(cell, out var row)
                ? (row.Accuracy, CellScoreSource.Table)
                : (100 * trained[cell].Result!.Accuracy, trained[cell].Attempts == 0 ? CellScoreSource.EarlierTrial : CellScoreSource.Trained);
            scored.Add((cell, score, source));
            scores.Add(score);
        }
        return scores;
    }
}
