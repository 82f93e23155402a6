using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Parsec.Search;
using Parsec.Trials;
using Spectre.Console;

namespace Parsec.Samples.FashionMnist;

/// <summary>
/// Retrains a set of architectures (<c>--compare-random</c>'s random ones, <c>--retrain-top</c>'s most probable ones)
/// as parallel trials of this program's <see cref="RetrainTrialCommand"/> on the chosen executor. For the set named
/// KIND, architecture I's source is written to <c>OUT/KIND/KIND-I.cs</c>, its trial's result and logs go to
/// <c>OUT/KIND.trials</c>, and its checkpoint is <c>OUT/retrain-KIND-I.checkpoint</c>. A trial's id holds the
/// retraining's fingerprint (source, budget, recipe, seed), so a result is only ever reused for the same retraining.
/// </summary>
public static class ArchitectureTrials
{
    /// <summary>The random cells' set: <c>--compare-random</c>.</summary>
    public const string Random = "random";

    /// <summary>The most probable architectures' set: <c>--retrain-top</c>.</summary>
    public const string Top = "top";

    /// <summary>The trials' folder of the set <paramref name="kind"/> under the output folder.</summary>
    public static string TrialsFolder(string kind) => kind + ".trials";

    /// <summary>
    /// Retrains <paramref name="models"/>, the set <paramref name="kind"/> (<see cref="Random"/> or <see cref="Top"/>;
    /// architecture i+1 at index i, named <paramref name="label"/> i+1 in messages), and returns their results in order,
    /// each with whether it came from an earlier session. With <see cref="SampleOptions.Resume"/> a finished trial's
    /// result is reused and an unfinished one continues from its checkpoint; without it every one retrains from scratch.
    /// </summary>
    /// <param name="trialOf">Makes a trial from an id and arguments; null for <see cref="TrialSpec.ForCurrentProcess"/> (a test host passes the sample's program).</param>
    /// <exception cref="ArgumentException">The budget is not one of the named presets, which is all a trial can be told.</exception>
    /// <exception cref="TrialsFailedException">A trial failed every attempt; the others' results are kept.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; what finished stays for <c>--resume</c>.</exception>
    public static IReadOnlyList<(TrialResult Result, bool Resumed)> Retrain(string kind, string label, IReadOnlyList<ExportedModel> models, SampleOptions options,
        Func<string, IReadOnlyList<string>, TrialSpec>? trialOf, CancellationToken cancellationToken)
    {
        var budget = options.Budget;
        if (Budget.Named(budget.Name) != budget)
            throw new ArgumentException($"--compare-random and --retrain-top retrain in trial processes, which take a budget by name: budget '{budget.Name}' differs from the preset of that name.");
        string output = Path.GetFullPath(options.Output);
        string sources = Path.Combine(output, kind);
        Directory.CreateDirectory(sources);
        string results = Path.Combine(output, TrialsFolder(kind));
        var trials = new List<TrialSpec>();
        var checkpointsBefore = new List<bool>();
        for (int i = 0; i < models.Count; i++)
        {
            string number = (i + 1).ToString(CultureInfo.InvariantCulture);
            string source = Path.Combine(sources, $"{kind}-{number}.cs");
            File.WriteAllText(source, models[i].Source);
            string id = $"{kind}-{number}-{Retraining.Fingerprint(models[i], budget, options.Seed)}";
            // Without --resume the run starts over, as the winner's retraining does.
            string earlierResult = Path.Combine(results, id + ".json");
            if (!options.Resume && File.Exists(earlierResult)) File.Delete(earlierResult);
            string checkpoint = Path.Combine(output, $"retrain-{kind}-{number}.checkpoint");
            checkpointsBefore.Add(options.Resume && File.Exists(checkpoint));
            List<string> arguments =
            [
                RetrainTrialCommand.Name, "--source", source, "--type", models[i].TypeName, "--budget", budget.Name,
                "--seed", options.Seed.ToString(CultureInfo.InvariantCulture), "--data", Path.GetFullPath(options.Data), "--device", options.Device,
                // On this machine's pool every trial gets one core; on Slurm, torch follows the job's OMP_NUM_THREADS.
                "--threads", options.Executor.IsLocal ? "1" : "0",
                "--checkpoint", checkpoint,
            ];
            if (options.Resume) arguments.Add("--resume");
            trials.Add((trialOf ?? TrialSpec.ForCurrentProcess)(id, arguments));
        }

        var executor = options.Executor.Create(results);
        AnsiConsole.MarkupLineInterpolated($"Retraining {models.Count} {label}s as trials ({options.Executor.Executor}); results and logs in {results}");
        var order = trials.Select((trial, index) => (trial.Id, index)).ToDictionary(entry => entry.Id, entry => entry.index + 1);
        string title = char.ToUpperInvariant(label[0]) + label[1..];
        var outcomes = executor.Run(trials, new SynchronousProgress<TrialOutcome>(outcome =>
        {
            int number = order[outcome.Trial.Id];
            if (outcome.Result is { } result)
                AnsiConsole.MarkupLineInterpolated(
                    $"{title} {number}/{models.Count}: test accuracy [bold]{100 * result.Accuracy:F2}%[/]{(outcome.Attempts == 0 ? " (an earlier session's result)" : "")}");
            else AnsiConsole.MarkupLineInterpolated($"[red]{title} {number}/{models.Count} failed after {outcome.Attempts} attempts.[/]");
        }), cancellationToken);
        var failed = outcomes.Where(outcome => !outcome.Succeeded).ToList();
        if (failed.Count > 0)
            throw new TrialsFailedException(
                $"{failed.Count} of {models.Count} {label}s could not be retrained: " +
                string.Join("; ", failed.Select(outcome => $"{label} {order[outcome.Trial.Id]} ({outcome.Error})")) +
                $" Their logs are in {Path.Combine(results, "logs")}; the same command with --resume retrains only these.");
        return outcomes.Select((outcome, i) => (outcome.Result!, outcome.Attempts == 0 || checkpointsBefore[i])).ToList();
    }
}
