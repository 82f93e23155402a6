using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Parsec.Persistence;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>How the sample writes and reads its JSON files (search records, metrics.json).</summary>
public static class SampleJson
{
    /// <summary>
    /// camelCase, indented; an undefined τ (every loss tied) is written as "NaN" rather than failing a run at its last
    /// step; relaxed escaping keeps a cell string's '+' readable instead of \u002B.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="value"/> to <paramref name="path"/> atomically.</summary>
    public static void Write<T>(string path, T value) => AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, value, Options));
}
