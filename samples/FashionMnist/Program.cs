using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Parsec.Samples.FashionMnist;
using Parsec.Training;
using Spectre.Console;
using static TorchSharp.torch;

if (args.Length > 0 && args[0] == RetrainTrialCommand.Name) return RetrainTrial(args[1..]);

SampleOptions options;
try
{
    options = SampleOptions.Parse(args);
    if (!options.Help) OutputFolder.Prepare(options.Output);
}
catch (ArgumentException error)
{
    AnsiConsole.MarkupLineInterpolated($"[red]{error.Message}[/]");
    return 2;
}
if (options.Help)
{
    Console.WriteLine(SampleOptions.Usage);
    return 0;
}

if (OutputFolder.NothingToResume(options) is string notice) AnsiConsole.MarkupLineInterpolated($"[yellow]{notice}[/]");

if (options.Threads > 0) set_num_threads(options.Threads);
// Before any tensor: glibc then keeps torch's freed buffers instead of faulting them back in every step (docs/fashion-mnist-history.md).
NativeAllocator.KeepFreedMemory();

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    // The first Ctrl-C stops at the next step boundary, after a checkpoint; a second one kills the process.
    if (cancellation.IsCancellationRequested) return;
    press.Cancel = true;
    cancellation.Cancel();
    AnsiConsole.MarkupLine("[yellow]Stopping at the next step boundary...[/]");
};

(FashionMnistSplit Training, FashionMnistSplit Test) data;
try
{
    data = Pipeline.LoadData(options);
}
catch (Exception error) when (error is FileNotFoundException or InvalidDataException)
{
    AnsiConsole.MarkupLineInterpolated($"[red]{error.Message}[/]");
    AnsiConsole.MarkupLine("Install the data with [bold]sudo apt-get install dataset-fashion-mnist[/] (samples/FashionMnist/run.sh does it as root), or pass [bold]--data DIR[/].");
    return 1;
}

try
{
    var summary = Pipeline.Run(options, data, cancellation.Token);
    AnsiConsole.Write(Pipeline.SummaryTable(summary, options));
    return 0;
}
catch (OperationCanceledException)
{
    AnsiConsole.MarkupLineInterpolated(
        $"[yellow]Stopped. The checkpoints are in {Path.GetFullPath(options.Output)}; run again with the same options and --resume to go on.[/]");
    return 130;
}
catch (TrainingDivergedException error)
{
    // Thrown before the optimizer stepped on the batch: the last epoch's checkpoint holds good weights.
    AnsiConsole.MarkupLineInterpolated($"[red]{error.Message}[/]");
    AnsiConsole.MarkupLineInterpolated($"The checkpoint of the last finished epoch is kept in {Path.GetFullPath(options.Output)}; --resume goes on from it.");
    return 1;
}
catch (InvalidDataException error)
{
    // A corrupt checkpoint, or one of another run: the message names the file and says what to do.
    AnsiConsole.MarkupLineInterpolated($"[red]{error.Message}[/]");
    return 1;
}
catch (TrialsFailedException error)
{
    // A random or most probable cell's retraining failed every attempt: the message names it and where its logs are.
    AnsiConsole.MarkupLineInterpolated($"[red]{error.Message}[/]");
    return 1;
}

// The hidden command a trial of --compare-random or --retrain-top runs: plain output, for the trial's log file.
static int RetrainTrial(string[] args)
{
    if (args.Contains("--help")) return Print(RetrainTrialCommand.Usage);
    NativeAllocator.KeepFreedMemory();
    using var cancellation = new CancellationTokenSource();
    Console.CancelKeyPress += (_, press) =>
    {
        press.Cancel = true;
        cancellation.Cancel();
    };
    try
    {
        return RetrainTrialCommand.Run(args, cancellation.Token);
    }
    catch (Exception error) when (error is ArgumentException or FileNotFoundException)
    {
        Console.Error.WriteLine(error.Message);
        return 2;
    }
    catch (OperationCanceledException)
    {
        Console.Error.WriteLine("Stopped; the checkpoint holds the last finished step.");
        return 130;
    }
}

static int Print(string text)
{
    Console.WriteLine(text);
    return 0;
}
