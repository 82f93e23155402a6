using System;
using System.IO;
using System.Threading;
using Parsec.Samples.NasBench201.FashionMnist;
using Parsec.Search.BlackBox;
using Parsec.Training;

const string Usage = """
    NAS-Bench-201's cell space on Fashion-MNIST.

    usage: samples/NasBench201.FashionMnist/run.sh [COMMAND] [options]     (COMMAND --help lists its options)

      run          (the default) PARSEC search, export, retrain the exported class, report against the committed table
      search       one weight-sharing search (PARSEC, random sampling or DARTS): its cell and its shared weights
      compare      PARSEC, random sampling and DARTS over seeds, ranked against a table: metrics.json, comparison.md, pareto.png
      blackbox     a black-box search (PARSEC, evolution, random) whose score is a cell trained from scratch, a step's cells in parallel
      table        trains cells from scratch in parallel processes into a ground-truth table
      train-cell   one cell trained from scratch (a table's trial process)
    """;

// Before any tensor: glibc then keeps torch's freed buffers instead of faulting them back in every step.
NativeAllocator.KeepFreedMemory();
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    if (cancellation.IsCancellationRequested) return;
    press.Cancel = true;
    cancellation.Cancel();
};

// No command, or options first: the default run.
string command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "run";
string[] rest = command == "run" && (args.Length == 0 || args[0] != "run") ? args : args[1..];
bool help = Array.Exists(rest, arg => arg is "--help" or "-h");
try
{
    return command switch
    {
        "search" when help => Print(SearchCommand.Usage),
        "search" => SearchCommand.Run(rest, cancellation.Token),
        "run" when help => Print(Usage + "\n" + RunCommand.Usage),
        "run" => RunCommand.Run(rest, cancellation.Token),
        "compare" when help => Print(CompareCommand.Usage),
        "compare" => CompareCommand.Run(rest, cancellation.Token),
        "blackbox" when help => Print(BlackBoxCommand.Usage),
        "blackbox" => BlackBoxCommand.Run(rest, cancellation.Token),
        "table" when help => Print(TableCommand.Usage),
        "table" => TableCommand.Run(rest, cancellation.Token),
        "train-cell" when help => Print(TrainCellCommand.Usage),
        "train-cell" => TrainCellCommand.Run(rest),
        _ => throw new ArgumentException($"Unknown command '{command}'.\n{Usage}"),
    };
}
catch (Exception error) when (error is ArgumentException or FormatException or InvalidDataException)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}
catch (BlackBoxScoreException error)
{
    // A cell could not be scored (its training failed every attempt): the message names it and its error.
    Console.Error.WriteLine(error.Message);
    return 1;
}
catch (FileNotFoundException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine("Fashion-MNIST: run.sh installs Debian's dataset-fashion-mnist as root; or pass --data DIR with the four *-ubyte.gz files.");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Stopped.");
    return 130;
}

static int Print(string text)
{
    Console.WriteLine(text);
    return 0;
}
