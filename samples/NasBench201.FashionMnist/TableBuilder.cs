using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Parsec.Trials;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>
/// Trains cells from scratch with one recipe, as parallel <c>train-cell</c> trial processes on an executor, and
/// adds a row to a table as each finishes. Resumable: a cell already in its table is skipped, and a finished trial
/// whose row is missing is added without training, so a killed build loses at most the cells in flight.
/// </summary>
public static class TableBuilder
{
    /// <summary>Trains every entry of <paramref name="plan"/> that its table lacks; returns how many failed.</summary>
    /// <param name="plan">Each cell with its seed and the table its row goes to.</param>
    /// <param name="executor">Runs the trials (<see cref="LocalTrialPool"/> or <see cref="SlurmTrialExecutor"/>).</param>
    /// <param name="recipe">The recipe's name (<see cref="CellRecipe.Named"/>).</param>
    /// <param name="data">Fashion-MNIST's folder.</param>
    /// <param name="cancellationToken">Stops the pool; its children are killed.</param>
    /// <param name="trialOf">
    /// Makes a trial of this program's <c>train-cell</c> from an id and arguments; by default
    /// <see cref="TrialSpec.ForCurrentProcess"/> (a host other than this program, such as a test, passes its own).
    /// </param>
    /// <exception cref="InvalidDataException">A table exists but is not a table.</exception>
    public static int Train(IReadOnlyList<(TableEntry Entry, string Table)> plan, ITrialExecutor executor, string recipe, string data,
        CancellationToken cancellationToken, Func<string, IReadOnlyList<string>, TrialSpec>? trialOf = null)
    {
        var pending = Pending(plan);
        Console.WriteLine($"{plan.Count} cells planned, {plan.Count - pending.Count} already in their tables, {pending.Count} to train.");
        if (pending.Count == 0) return 0;

        var destination = pending.ToDictionary(item => item.Entry.TrialId);
        var specs = Specs(pending, recipe, data, trialOf);
        var gate = new object();
        int done = 0;
        var outcomes = executor.Run(specs, new Reporter(outcome =>
        {
            // The pool reports from its threads: one row at a time.
            lock (gate)
            {
                done++;
                var (entry, table) = destination[outcome.Trial.Id];
                if (outcome.Result is { } result)
                {
                    TableFile.Append(table, entry.Cell, result.Accuracy, result.Parameters, result.Seconds);
                    Console.WriteLine($"[{done}/{pending.Count}] {entry.TrialId}: {100 * result.Accuracy:F2}% in {result.Seconds:F0} s -> {table}");
                }
                else Console.WriteLine($"[{done}/{pending.Count}] {entry.TrialId} failed after {outcome.Attempts} attempts: {outcome.Error}");
            }
        }), cancellationToken);
        int failed = outcomes.Count(outcome => !outcome.Succeeded);
        if (failed > 0)
            Console.Error.WriteLine($"{failed} cells failed; their error output is above and their logs are under the trials folder. Run the same command again to retry them.");
        return failed;
    }

    /// <summary>Prints the Slurm batch script that would train the entries the tables lack; returns the exit code.</summary>
    /// <exception cref="ArgumentException">The executor is not Slurm's.</exception>
    public static int PrintScript(IReadOnlyList<(TableEntry Entry, string Table)> plan, ITrialExecutor executor, string recipe, string data)
    {
        if (executor is not SlurmTrialExecutor slurm) throw new ArgumentException("--print-script prints a Slurm batch script: add --executor slurm.");
        var pending = Pending(plan);
        Console.WriteLine(pending.Count == 0 ? "# Every cell is in its table: nothing to submit." : slurm.RenderBatchScript(Specs(pending, recipe, data, null)));
        return 0;
    }

    /// <summary>The entries whose table lacks their cell, once each.</summary>
    /// <exception cref="InvalidDataException">A table exists but is not a table.</exception>
    private static List<(TableEntry Entry, string Table)> Pending(IReadOnlyList<(TableEntry Entry, string Table)> plan)
    {
        var built = plan.Select(item => item.Table).Distinct().ToDictionary(table => table, TableFile.Cells);
        return plan.Where(item => !built[item.Table].Contains(item.Entry.Cell)).DistinctBy(item => item.Entry.TrialId).ToList();
    }

    /// <summary>One <c>train-cell</c> trial per entry.</summary>
    private static List<TrialSpec> Specs(IReadOnlyList<(TableEntry Entry, string Table)> pending, string recipe, string data,
        Func<string, IReadOnlyList<string>, TrialSpec>? trialOf)
    {
        CellRecipe.Named(recipe);
        return pending.Select(item => TrainCellTrial(item.Entry, recipe, data, trialOf)).ToList();
    }

    /// <summary>
    /// The <c>train-cell</c> trial of <paramref name="entry"/>, named by its <see cref="TableEntry.TrialId"/>, so that
    /// every command finds the result of a cell trained with a seed and recipe under the same name.
    /// </summary>
    /// <param name="trialOf">Makes the trial from an id and arguments; null for <see cref="TrialSpec.ForCurrentProcess"/>.</param>
    public static TrialSpec TrainCellTrial(TableEntry entry, string recipe, string data, Func<string, IReadOnlyList<string>, TrialSpec>? trialOf) =>
        (trialOf ?? TrialSpec.ForCurrentProcess)(entry.TrialId,
        [
            "train-cell", "--cell", NasBench201Architecture.ToBenchmarkString(entry.Cell),
            "--seed", entry.Seed.ToString(CultureInfo.InvariantCulture), "--recipe", recipe, "--data", Path.GetFullPath(data),
        ]);

    private sealed class Reporter(Action<TrialOutcome> report) : IProgress<TrialOutcome>
    {
        public void Report(TrialOutcome value) => report(value);
    }
}
