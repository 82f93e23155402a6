using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Parsec.Data;
using Parsec.Persistence;
using Parsec.Search;
using Parsec.SearchSpace;
using Parsec.Training;
using Parsec.Trials;
using Spectre.Console;
using Spectre.Console.Rendering;
using static TorchSharp.torch;

namespace Parsec.Samples.FashionMnist;

/// <summary>The sample's phases in order: search, export, retrain, evaluate, (compare), report.</summary>
public static class Pipeline
{
    /// <summary>Runs every phase on the data under <see cref="SampleOptions.Data"/>.</summary>
    /// <param name="trialOf">
    /// Makes a trial of this program's <see cref="RetrainTrialCommand"/> from an id and arguments; null for
    /// <see cref="TrialSpec.ForCurrentProcess"/> (a host other than this program, such as a test, passes the sample's program).
    /// </param>
    public static RunSummary Run(SampleOptions options, CancellationToken cancellationToken, Func<string, IReadOnlyList<string>, TrialSpec>? trialOf = null) =>
        Run(options, LoadData(options), cancellationToken, trialOf);

    /// <summary>
    /// The training and test splits. A missing or damaged data file is a <see cref="FileNotFoundException"/> or an
    /// <see cref="InvalidDataException"/> naming it; the caller can then say how to install the data.
    /// </summary>
    public static (FashionMnistSplit Training, FashionMnistSplit Test) LoadData(SampleOptions options) =>
        (FashionMnistData.LoadTraining(options.Data, Math.Max(options.Budget.SearchImages, options.Budget.RetrainImages)),
         FashionMnistData.LoadTest(options.Data));

    /// <summary>Runs every phase on <paramref name="data"/>; <c>--compare-random</c>'s and <c>--retrain-top</c>'s cells retrain as trials (<see cref="ArchitectureTrials"/>).</summary>
    /// <param name="trialOf">As for the other overload.</param>
    /// <exception cref="OperationCanceledException">Stopped at a step boundary, after a checkpoint.</exception>
    /// <exception cref="InvalidDataException">With <see cref="SampleOptions.Resume"/>, a checkpoint is corrupt or belongs to another run.</exception>
    /// <exception cref="TrialsFailedException">A random or most probable cell's retraining failed every attempt.</exception>
    public static RunSummary Run(SampleOptions options, (FashionMnistSplit Training, FashionMnistSplit Test) data, CancellationToken cancellationToken,
        Func<string, IReadOnlyList<string>, TrialSpec>? trialOf = null)
    {
        var clock = Stopwatch.StartNew();
        var budget = options.Budget;
        var device = options.Device == "cuda" && cuda.is_available() ? CUDA : CPU;
        Directory.CreateDirectory(options.Output);
        var (training, test) = data;
        AnsiConsole.MarkupLineInterpolated(
            $"Fashion-MNIST: {training.Count:N0} training and {test.Count:N0} test images from [bold]{options.Data}[/]; budget [bold]{budget.Name}[/], device {device.type}.");

        SearchOutcome search = null!;
        WithProgress($"PARSEC search ({budget.SearchSteps} steps, K={options.Samples})", budget.SearchSteps, report =>
            search = SearchPhase.Run(options, training, progress => report(progress.Step), cancellationToken));
        AnsiConsole.Write(DistributionTable(search.Result));
        string architecture = search.Result.Best.ToString(search.Result.Space);
        AnsiConsole.MarkupLine("Chosen architecture (the most probable option of every choice):");
        foreach (string line in ChoiceNames.Lines(search.Result.Best, search.Result.Space))
            AnsiConsole.MarkupLineInterpolated($"  [bold]{line}[/]");

        var winner = WinnerExport.Export(search, options);
        AnsiConsole.MarkupLineInterpolated($"Exported [bold]{winner.SourcePath}[/] and its weights.");

        var retrainSet = RetrainSplits(training, budget);
        var retrainClock = Stopwatch.StartNew();
        string retrainedWeights = Path.Combine(options.Output, "retrained", Path.GetFileNameWithoutExtension(winner.SourcePath) + ".weights");
        var retrained = RetrainAndTest(winner, "Retraining the winner from scratch", "retrain-winner.checkpoint", retrainedWeights,
            options, retrainSet, test, device, cancellationToken);
        double retrainSeconds = retrainClock.Elapsed.TotalSeconds + retrained.Training.EarlierSeconds;
        bool resumed = search.Result.Resumed || retrained.Training.Resumed;

        List<RandomBaseline>? randomBaselines = null;
        double? winnerSupernetLoss = null;
        if (options.CompareRandom > 0)
        {
            randomBaselines = new List<RandomBaseline>();
            var baselines = WinnerExport.RandomArchitectures(search, options, options.CompareRandom);
            // Scored on the retraining's validation images, which the search never saw in the default and long budgets.
            double SupernetLoss(ModelArchitecture cell) => SupernetRanking.Loss(
                search.Result.Space, cell, retrainSet.Validation, budget.SearchBatchSize, search.Settings.Evaluation, device);
            winnerSupernetLoss = SupernetLoss(search.Result.Best);
            var supernetLosses = baselines.Select(baseline => SupernetLoss(baseline.Architecture)).ToList();
            var retrainedCells = ArchitectureTrials.Retrain(ArchitectureTrials.Random, "random architecture", baselines.Select(baseline => baseline.Model).ToList(), options, trialOf, cancellationToken);
            for (int i = 0; i < baselines.Count; i++)
            {
                randomBaselines.Add(new RandomBaseline(baselines[i].Description, retrainedCells[i].Result.Accuracy, supernetLosses[i]));
                resumed |= retrainedCells[i].Resumed;
            }
        }

        List<TopArchitecture>? topArchitectures = null;
        if (options.RetrainTop > 0)
        {
            var top = WinnerExport.MostProbableArchitectures(search, options.RetrainTop);
            var retrainedTop = ArchitectureTrials.Retrain(ArchitectureTrials.Top, "most probable architecture", top.Select(entry => entry.Model).ToList(),
                options, trialOf, cancellationToken);
            topArchitectures = top.Select((entry, i) => new TopArchitecture(entry.Description, entry.Probability, retrainedTop[i].Result.Accuracy)).ToList();
            resumed |= retrainedTop.Any(cell => cell.Resumed);
        }

        var summary = new RunSummary
        {
            Budget = budget.Name,
            Seed = options.Seed,
            Samples = options.Samples,
            Architecture = architecture,
            TestAccuracy = retrained.Accuracy,
            Parameters = retrained.Parameters,
            SearchSeconds = search.Seconds,
            RetrainSeconds = retrainSeconds,
            TotalSeconds = clock.Elapsed.TotalSeconds,
            Epochs = retrained.Training.Epochs,
            RandomBaselines = randomBaselines,
            TopArchitectures = topArchitectures,
            WinnerSupernetLoss = winnerSupernetLoss,
            Resumed = resumed,
            RetrainedWeights = Path.GetRelativePath(options.Output, retrainedWeights),
            ShippedConstructor = $"new {winner.TypeName}(layout: \"{budget.Layout}\", channels: {budget.RetrainChannels}, classes: 10, stemStride: {budget.StemStride})",
        };
        var plots = new List<string> { Plots.Search(search.Result.History, options.Output), Plots.Training(summary.Epochs, options.Output) };
        plots.AddRange(Plots.CellProbabilities(search.Result.Choices, options.Output));
        Metrics.Write(summary, Path.Combine(options.Output, "metrics.json"));
        Report.Write(summary, search.Result, Path.GetRelativePath(options.Output, winner.SourcePath), plots, Path.Combine(options.Output, "report.md"));
        return summary;
    }

    /// <summary>The end-of-run table.</summary>
    public static IRenderable SummaryTable(RunSummary summary, SampleOptions options)
    {
        var table = new Table().Title("Parsec on Fashion-MNIST").AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("test accuracy (retrained winner)", $"{100 * summary.TestAccuracy:F2}%");
        table.AddRow("parameters", $"{summary.Parameters:N0}");
        table.AddRow("search", $"{summary.SearchSeconds:F0} s");
        table.AddRow("retraining", $"{summary.RetrainSeconds:F0} s");
        table.AddRow("total", $"{summary.TotalSeconds:F0} s");
        if (summary.RandomAccuracies is { Count: > 0 } random)
        {
            table.AddRow($"random x{random.Count}: mean", $"{100 * random.Average():F2}%");
            table.AddRow($"random x{random.Count}: best", $"{100 * random.Max():F2}%");
            table.AddRow("search's ranking vs retraining (Kendall τ)", SupernetRanking.Format(summary.RankAgreement));
        }
        for (int i = 0; i < (summary.TopArchitectures?.Count ?? 0); i++)
            table.AddRow($"most probable #{i + 1} (p = {summary.TopArchitectures![i].Probability:G3})", $"{100 * summary.TopArchitectures[i].TestAccuracy:F2}%");
        table.AddRow("artifacts", Markup.Escape(Path.GetFullPath(options.Output)));
        return table;
    }

    /// <summary>
    /// Retrains the winner under a progress bar, checkpointed in <paramref name="checkpointName"/> under the output
    /// folder, and prints its test accuracy.
    /// </summary>
    private static Retrained RetrainAndTest(ExportedModel model, string title, string checkpointName, string? weightsPath,
        SampleOptions options, (LabeledDataset Training, LabeledDataset Validation) data, FashionMnistSplit test, Device device,
        CancellationToken cancellationToken)
    {
        var checkpoint = new RetrainCheckpoint(Path.Combine(options.Output, checkpointName), Retraining.RunKey(model, options.Budget, options.Seed), options.Resume);
        Retrained retrained = null!;
        WithProgress($"{title} ({options.Budget.RetrainEpochs} epochs)", 1000, report =>
            retrained = Retraining.RetrainAndTest(model, options.Budget, options.Seed, checkpoint, weightsPath, data, test, device,
                fraction => report((int)(fraction * 1000)), cancellationToken));
        AnsiConsole.MarkupLineInterpolated($"{title}: test accuracy [bold]{100 * retrained.Accuracy:F2}%[/]");
        return retrained;
    }

    /// <summary>
    /// The retraining's images: the first <see cref="Budget.RetrainImages"/> of <paramref name="training"/>, of which
    /// the last <see cref="Budget.ValidationFraction"/> (at least one image) is held out for the validation curve.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is outside [0, 1), which would leave nothing to train on.</exception>
    public static (LabeledDataset Training, LabeledDataset Validation) RetrainSplits(FashionMnistSplit training, Budget budget)
    {
        if (budget.ValidationFraction is < 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(budget),
                $"Budget '{budget.Name}' holds out {budget.ValidationFraction} of its retraining images: pass a ValidationFraction in [0, 1), such as 0.1.");
        int images = Math.Min(budget.RetrainImages, training.Count);
        int held = Math.Max(1, (int)Math.Round(images * budget.ValidationFraction));
        var (trainingInputs, trainingLabels) = training.ToTensors(0, images - held);
        var (validationInputs, validationLabels) = training.ToTensors(images - held, held);
        return (new LabeledDataset(trainingInputs, trainingLabels), new LabeledDataset(validationInputs, validationLabels));
    }

    private static Table DistributionTable(SearchResult result)
    {
        var table = new Table().Title("Learned distribution: each choice's most probable option")
            .AddColumn("choice").AddColumn("option").AddColumn(new TableColumn("p").RightAligned()).AddColumn(new TableColumn("entropy").RightAligned());
        foreach (var choice in result.Choices)
        {
            var first = choice.Probabilities[0];
            int best = Enumerable.Range(0, first.Length).MaxBy(option => first[option]);
            table.AddRow(Markup.Escape(ChoiceNames.Of(choice)), Markup.Escape(choice.Options[best]), $"{first[best]:F3}", $"{choice.Entropy:F3}");
        }
        return table;
    }

    /// <summary>Runs <paramref name="work"/> under a progress bar with elapsed and remaining time; work reports its done count.</summary>
    private static void WithProgress(string description, int total, Action<Action<int>> work)
    {
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: total);
                work(done => task.Value = done);
                task.Value = total;
            });
    }
}
