using System;
using System.IO;
using System.Threading;
using Parsec.Persistence;
using Parsec.Search;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary><c>search</c>: one weight-sharing search, its recommended cell and, given a table, its supernet's τ.</summary>
public static class SearchCommand
{
    public const string Usage = """
        search: one weight-sharing search on NAS-Bench-201's space at the recipe's size; writes its recommended cell and its shared weights.

          --strategy parsec|random|darts                                                   [parsec]
          --seed N            the search's seed                                            [1]
          --steps N           PARSEC and DARTS steps (random sampling takes K times as many) [600]
          --samples K         cells PARSEC draws a step                                    [4]
          --max-parameters P  recommend a cell of at most P parameters (PARSEC also learns under the budget)
          --out DIR           where search-STRATEGY-sSEED.json and .weights go                    [artifacts]
          --data DIR          Fashion-MNIST's four *-ubyte.gz files                        [/usr/share/datasets/fashion-mnist]
          --search-images N   training images the shared weights learn from              [20000]
          --candidates N      random cells random sampling scores to recommend one       [100]
          --threads N         CPU threads torch uses; 0 keeps its default (every core)   [0]
          --recipe NAME       the network's size: default or smoke                          [default]
        """;

    public static int Run(string[] args, CancellationToken cancellationToken)
    {
        var line = new CommandLine("search", args,
            ["--strategy", "--seed", "--steps", "--samples", "--max-parameters", "--out", "--data", "--recipe", "--search-images", "--candidates", "--threads"]);
        // Several searches sharing a machine go faster with one thread each than with torch's threads fighting over every core.
        if (line.Integer("--threads", 0) is > 0 and var threads) TorchSharp.torch.set_num_threads((int)threads);
        var recipe = CellRecipe.Named(line.Text("--recipe", "default"));
        long? maxParameters = line.Optional("--max-parameters") is null ? null : line.Integer("--max-parameters", 0, 1);
        var settings = new SearchSettings(line.Text("--strategy", "parsec"), Seed: line.Integer("--seed", 1),
            Steps: (int)line.Integer("--steps", 600, 1), Samples: (int)line.Integer("--samples", 4, 1), MaxParameters: maxParameters,
            SearchImages: (int)line.Integer("--search-images", 20_000, 1), RandomCandidates: (int)line.Integer("--candidates", 100, 1));
        settings.Validate();
        string output = line.Text("--out", "artifacts");
        Directory.CreateDirectory(output);
        var data = Splits.Load(line.Text("--data", Parsec.Samples.FashionMnist.FashionMnistData.DebianFolder), Math.Max(recipe.TrainingImages, settings.SearchImages));

        var (record, _) = Execute(settings, recipe, data, output, cancellationToken);
        Console.WriteLine($"{settings.Strategy} seed {settings.Seed}: {record.Recommended} in {record.Seconds:F0} s -> {Path.GetFullPath(output)}");
        return 0;
    }

    /// <summary>Runs the search and saves its shared weights beside the record.</summary>
    public static (SearchRecord Record, SearchOutcome Outcome) Execute(SearchSettings settings, CellRecipe recipe, Splits data, string output,
        CancellationToken cancellationToken)
    {
        var progress = new SynchronousProgress<StepRecord>(step =>
        {
            if (step.Step % 100 == 0)
                Console.WriteLine($"  {settings.Strategy} step {step.Step}: loss {step.Figures.Loss:F3}, entropy {step.Figures.Entropy:F2}, {step.ElapsedSeconds:F0} s");
        });
        var outcome = WeightSharingSearch.Run(settings, recipe, data, progress, cancellationToken);
        string supernet = SearchRecord.Stem(settings.Strategy, settings.Seed, settings.MaxParameters is not null) + ".weights";
        AtomicFile.Write(Path.Combine(output, supernet), stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            outcome.Space.Model.save(writer);
        });
        var record = new SearchRecord(settings.Strategy, settings.Seed, settings.MaxParameters, outcome.Seconds,
            NasBench201Architecture.ToBenchmarkString(outcome.Recommended), supernet);
        record.Write(Path.Combine(output, SearchRecord.FileName(settings.Strategy, settings.Seed, settings.MaxParameters is not null)));
        return (record, outcome);
    }
}
