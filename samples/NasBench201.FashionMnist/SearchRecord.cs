using System.IO;
using System.Text.Json;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>What one search run measured, as <c>search-STRATEGY-sSEED.json</c> holds it.</summary>
/// <param name="Strategy">parsec, random or darts.</param>
/// <param name="Seed">The search's seed.</param>
/// <param name="MaxParameters">The parameter budget, or null.</param>
/// <param name="Seconds">The search's time.</param>
/// <param name="Recommended">The recommended cell in the benchmark's string form.</param>
/// <param name="Supernet">The file of the search's shared weights (<c>Module.save</c>), relative to the record's folder, for ranking a table's cells later.</param>
public sealed record SearchRecord(string Strategy, long Seed, long? MaxParameters, double Seconds, string Recommended, string Supernet)
{

    /// <summary>The file name of a run: <c>search-parsec-s1.json</c>, or <c>search-parsec-s1-budget.json</c> under a parameter budget.</summary>
    public static string FileName(string strategy, long seed, bool budget) => Stem(strategy, seed, budget) + ".json";

    /// <summary>The name of a run's files without extension.</summary>
    public static string Stem(string strategy, long seed, bool budget) => $"search-{strategy}-s{seed}{(budget ? "-budget" : "")}";

    /// <summary>Writes the record atomically.</summary>
    public void Write(string path) => SampleJson.Write(path, this);

    /// <summary>Reads a record.</summary>
    /// <exception cref="InvalidDataException">The file is not a search record.</exception>
    public static SearchRecord Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<SearchRecord>(File.ReadAllText(path), SampleJson.Options)
                ?? throw new InvalidDataException($"{path} is empty: run the search again.");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{path} is not a search record ({error.Message}): delete it and run the search again.", error);
        }
    }
}
