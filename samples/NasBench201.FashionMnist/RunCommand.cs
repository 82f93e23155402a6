using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using Parsec.Export;
using Parsec.Persistence;
using Parsec.Samples.FashionMnist;
using static TorchSharp.torch;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>
/// <c>run</c>, the default: a PARSEC search, the winner exported as C#, the exported class compiled and retrained from
/// scratch with the table's recipe, and a report of where the winner and the search's ranking stand against the
/// committed ground-truth table.
/// </summary>
public static class RunCommand
{
    public const string Usage = """
        run (the default): PARSEC search -> export -> retrain the exported class from scratch -> test -> report against the table.

          --seed N            the search's and the retraining's seed                      [1]
          --steps N           search steps                                                [1800]
          --samples K         cells PARSEC draws a step                                   [4]
          --max-parameters P  search and recommend under a parameter budget
          --table PATH        the ground-truth table the report compares with             [the committed data/fashion-mnist.csv]
          --out DIR           where artifacts go                                          [artifacts/nas-bench-201]
          --data DIR          Fashion-MNIST's four *-ubyte.gz files                       [/usr/share/datasets/fashion-mnist]
          --recipe NAME       default or smoke                                            [default]
          --search-images N   training images the shared weights learn from              [20000]
          --candidates N      (random sampling only)                                      [100]
          --threads N         CPU threads torch uses; 0 keeps its default (every core)   [0]
        """;

    /// <summary>
    /// The default run's search steps: three times the comparison's 600, where PARSEC's supernet ranks the table's cells
    /// about as well as the one-shot literature's (τ near 0.5) and its cell lands in the top tenth (the sample's README).
    /// </summary>
    private const int DefaultSteps = 1_800;

    /// <summary>The committed table, which the build copies beside the program.</summary>
    public static string DefaultTable => Path.Combine(AppContext.BaseDirectory, "data", "fashion-mnist.csv");

    public static int Run(string[] args, CancellationToken cancellationToken)
    {
        var line = new CommandLine("run", args,
            ["--seed", "--steps", "--samples", "--max-parameters", "--table", "--out", "--data", "--recipe", "--search-images", "--candidates", "--threads"]);
        if (line.Integer("--threads", 0) is > 0 and var threads) set_num_threads((int)threads);
        var recipe = CellRecipe.Named(line.Text("--recipe", "default"));
        long? maxParameters = line.Optional("--max-parameters") is null ? null : line.Integer("--max-parameters", 0, 1);
        var settings = new SearchSettings("parsec", line.Integer("--seed", 1), (int)line.Integer("--steps", DefaultSteps, 1), (int)line.Integer("--samples", 4, 1),
            SearchImages: (int)line.Integer("--search-images", 20_000, 1), RandomCandidates: (int)line.Integer("--candidates", 100, 1), MaxParameters: maxParameters);
        settings.Validate();
        string tablePath = line.Text("--table", DefaultTable);
        var table = NasBench201Table.Load(tablePath, requireFullSpace: false);
        string output = line.Text("--out", Path.Combine("artifacts", "nas-bench-201"));
        Directory.CreateDirectory(output);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var data = Splits.Load(line.Text("--data", FashionMnistData.DebianFolder), Math.Max(recipe.TrainingImages, settings.SearchImages));

        Console.WriteLine($"PARSEC on NAS-Bench-201's cell space, Fashion-MNIST, {settings.Steps} steps of K = {settings.Samples}...");
        var (record, outcome) = SearchCommand.Execute(settings, recipe, data, output, cancellationToken);
        Console.WriteLine($"Chosen cell: {record.Recommended} ({record.Seconds:F0} s)");

        var exporter = new ModelExporter(new ExportOptions { OutputDirectory = Path.Combine(output, "exported"), Overwrite = true });
        var exported = exporter.Export(outcome.Space.Model, NasBench201Architecture.ToModelArchitecture(outcome.Space, outcome.Recommended));
        Console.WriteLine($"Exported {exported.SourcePath}");

        manual_seed(settings.Seed);
        var create = ExportedModelCompiler.Factory<nn.Module<Tensor, Tensor>>(exported.Source.Text, $"{exported.Source.Namespace}.{exported.Source.ClassName}",
            recipe.CellsPerStage, recipe.Channels, 10, 1);
        using var shipped = create();
        Console.WriteLine($"Retraining the exported class from scratch ({recipe.Describe()})...");
        var retrained = CellTrainer.TrainModel(shipped, shipped.parameters().ToList(), recipe, data.Training, data.Test, settings.Seed, exported.Source.ClassName);
        string weights = Path.Combine(output, "retrained.weights");
        AtomicFile.Write(weights, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            shipped.save(writer);
        });

        var summary = RunReport.Summarise(record, outcome.Recommended, retrained, table, recipe, data, output, clock.Elapsed.TotalSeconds);
        RunReport.Write(summary, output);
        Console.WriteLine(RunReport.Markdown(summary));
        return 0;
    }
}
