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
/// Retrains <c>--compare-random</c>'s random architectures as parallel trials of this program's
/// <see cref="RetrainTrialCommand"/> on the chosen executor. Each architecture's source is written to
/// <c>OUT/random/random-I.cs</c>, its trial's result and logs go to <c>OUT/random.trials</c>, and its checkpoint is
/// <c>OUT/retrain-random-I.checkpoint</c>. A trial's id holds the retraining's fingerprint (source, budget, recipe,
/// seed), so a result is only ever reused for the same retraining.
/// </summary>
public static class RandomCellTrials
{
    /// <summary>The trials' folder under the output folder.</summary>
    public const string TrialsFolder = "random.trials";

    /// <summary>
    /// Retrains <paramref name="models"/> (random architecture i+1 at index i) and returns their results in order,
    /// each with whether it came from an earlier session. With <see cref="SampleOptions.Resume"/> a finished trial's
    /// result is reused and an unfinished one continues from its checkpoint; without it every one retrains from scratch.
    /// </summary>
    /// <param name="trialOf">Makes a trial from an id and arguments; null for <see cref="TrialSpec.ForCurrentProcess"/> (a test host passes the sample's program).</param>
    /// <exception cref="ArgumentException">The budget is not one of the named presets, which is all a trial can be told.</exception>
    /// <exception cref="TrialsFailedException">A trial failed every attempt; the others' results are kept.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; what finished stays for <c>--resume</c>.</exception>
    public static IReadOnlyList<(TrialResult Result, bool Resumed)> Retrain(IReadOnlyList<ExportedModel> models, SampleOptions options,
        Func<string, IReadOnlyList<string>, TrialSpec>? trialOf, CancellationToken cancellationToken)
    {
        var budget = options.Budget;
        if (Budget.Named(budget.Name) != budget)
            throw new ArgumentException($"--compare-random retrains in trial processes, which take a budget by name: budget '{budget.Name}' differs from the preset of that name.");
        string output = Path.GetFullPath(options.Output);
        string sources = Path.Combine(output, "random");
        Directory.CreateDirectory(sources);
        string results = Path.Combine(output, TrialsFolder);
        var trials = new List<TrialSpec>();
        var checkpointsBefore = new List<bool>();
        for (int i = 0; i < models.Count; i++)
        {
            string number = (i + 1).ToString(CultureInfo.InvariantCulture);
            string source = Path.Combine(sources, $"random-{number}.cs");
            File.WriteAllText(source, models[i].Source);
            string id = $"random-{number}-{Retraining.Fingerprint(models[i], budget, options.Seed)}";
            // Without --resume the run starts over, as the winner's retraining does.
            string earlierResult = Path.Combine(results, id + ".json");
            if (!options.Resume && File.Exists(earlierResult)) File.Delete(earlierResult);
            string checkpoint = Path.Combine(output, $"retrain-random-{number}.checkpoint");
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
        AnsiConsole.MarkupLineInterpolated($"Retraining {models.Count} random architectures as trials ({options.Executor.Executor}); results and logs in {results}");
        var order = trials.Select((trial, index) => (trial.Id, index)).ToDictionary(entry => entry.Id, entry => entry.index + 1);
        var outcomes = executor.Run(trials, new SynchronousProgress<TrialOutcome>(outcome =>
        {
            int number = order[outcome.Trial.Id];
            if (outcome.Result is { } result)
                AnsiConsole.MarkupLineInterpolated(
                    $"Random architecture {number}/{models.Count}: test accuracy [bold]{100 * result.Accuracy:F2}%[/]{(outcome.Attempts == 0 ? " (an earlier session's result)" : "")}");
            else AnsiConsole.MarkupLineInterpolated($"[red]Random architecture {number}/{models.Count} failed after {outcome.Attempts} attempts.[/]");
        }), cancellationToken);
        var failed = outcomes.Where(outcome => !outcome.Succeeded).ToList();
        if (failed.Count > 0)
            throw new TrialsFailedException(
                $"{failed.Count} of {models.Count} random architectures could not be retrained: " +
                string.Join("; ", failed.Select(outcome => $"random architecture {order[outcome.Trial.Id]} ({outcome.Error})")) +
                $" Their logs are in {Path.Combine(results, "logs")}; the same command with --resume retrains only these.");
        return outcomes.Select((outcome, i) => (outcome.Result!, outcome.Attempts == 0 || checkpointsBefore[i])).ToList();
    }
}
