using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parsec.Persistence;

namespace Parsec.Samples.FashionMnist;

/// <summary>Writes <c>metrics.json</c>: the run's figures under stable snake_case keys, for scripts and comparisons.</summary>
public static class Metrics
{
    public static void Write(RunSummary summary, string path)
    {
        var json = new JsonObject
        {
            ["test_accuracy"] = summary.TestAccuracy,
            ["search_seconds"] = summary.SearchSeconds,
            ["retrain_seconds"] = summary.RetrainSeconds,
            ["total_seconds"] = summary.TotalSeconds,
            ["parameters"] = summary.Parameters,
            ["budget"] = summary.Budget,
            ["seed"] = summary.Seed,
            ["samples"] = summary.Samples,
            ["architecture"] = summary.Architecture,
            ["resumed"] = summary.Resumed,
            ["retrained_weights"] = summary.RetrainedWeights,
            ["epochs"] = new JsonArray(summary.Epochs.Select(epoch => (JsonNode)new JsonObject
            {
                ["epoch"] = epoch.Epoch,
                ["training_loss"] = epoch.TrainingLoss,
                ["training_accuracy"] = epoch.TrainingAccuracy,
                ["validation_loss"] = epoch.ValidationLoss,
                ["validation_accuracy"] = epoch.ValidationAccuracy,
            }).ToArray()),
        };
        if (summary.RandomBaselines is { Count: > 0 } baselines)
        {
            var random = summary.RandomAccuracies!;
            json["random_accuracies"] = new JsonArray(random.Select(a => (JsonNode)JsonValue.Create(a)).ToArray());
            json["random_architectures"] = new JsonArray(baselines.Select(b => (JsonNode)JsonValue.Create(b.Architecture)).ToArray());
            json["random_mean"] = random.Average();
            json["random_best"] = random.Max();
            json["supernet_loss"] = summary.WinnerSupernetLoss;
            json["random_supernet_losses"] = new JsonArray(baselines.Select(b => (JsonNode)JsonValue.Create(b.SupernetLoss)).ToArray());
            // JSON has no NaN: an undefined correlation (tied figures) is null.
            json["rank_agreement"] = summary.RankAgreement is double tau && !double.IsNaN(tau) ? tau : null;
        }
        if (summary.TopArchitectures is { Count: > 0 } top)
        {
            json["top_architectures"] = new JsonArray(top.Select(t => (JsonNode)JsonValue.Create(t.Architecture)).ToArray());
            json["top_probabilities"] = new JsonArray(top.Select(t => (JsonNode)JsonValue.Create(t.Probability)).ToArray());
            json["top_accuracies"] = new JsonArray(top.Select(t => (JsonNode)JsonValue.Create(t.TestAccuracy)).ToArray());
        }
        string text = json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        AtomicFile.Write(path, stream => stream.Write(Encoding.UTF8.GetBytes(text)));
    }
}
