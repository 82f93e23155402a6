using System;
using Parsec.Samples.FashionMnist;
using Xunit;

namespace Parsec.Samples.Tests;

public sealed class SampleOptionsTests
{
    [Fact]
    public void Defaults_are_the_documented_ones()
    {
        var options = SampleOptions.Parse(Array.Empty<string>());
        Assert.Same(Budget.Default, options.Budget);
        Assert.Equal(4, options.Samples);
        Assert.Equal("artifacts", options.Output);
        Assert.Equal("/usr/share/datasets/fashion-mnist", options.Data);
        Assert.False(options.Resume);
        Assert.Equal(0, options.CompareRandom);
        Assert.Equal(0, options.RetrainTop);
        Assert.Equal(0, options.Threads);
        Assert.Equal(new TrialExecutorSettings { Executor = "local" }, options.Executor);
    }

    [Fact]
    public void Every_option_is_read()
    {
        var options = SampleOptions.Parse(new[]
        {
            "--budget", "long", "--seed", "7", "--samples", "8", "--device", "cuda", "--out", "o", "--data", "d", "--resume", "--compare-random", "5", "--threads", "1", "--retrain-top", "3",
            "--executor", "slurm", "--workers", "3", "--partition", "gpu", "--account", "lab", "--time-limit", "90", "--memory", "4000", "--sbatch", "#SBATCH --qos=long",
        });
        Assert.Equal(new SampleOptions
        {
            Budget = Budget.Long, Seed = 7, Samples = 8, Device = "cuda", Output = "o", Data = "d", Resume = true, CompareRandom = 5, Threads = 1, RetrainTop = 3,
            Executor = new TrialExecutorSettings
            {
                Executor = "slurm", Workers = 3, Partition = "gpu", Account = "lab", TimeLimitMinutes = 90, MemoryMegabytes = 4000, ExtraDirective = "#SBATCH --qos=long",
            },
        }, options);
    }

    [Theory]
    [InlineData("--samples", "0", "--samples takes a whole number of at least 1, not '0'.")]
    [InlineData("--budget", "huge", "Unknown budget 'huge': use default, long or smoke.")]
    [InlineData("--device", "tpu", "--device takes cpu or cuda, not 'tpu'.")]
    [InlineData("--threads", "-1", "--threads takes a whole number of at least 0, not '-1'.")]
    [InlineData("--executor", "cloud", "--executor takes local or slurm, not 'cloud'.")]
    [InlineData("--workers", "0", "--workers takes a whole number of at least 1, not '0'.")]
    [InlineData("--seed", "x", "--seed takes a whole number of at least 0, not 'x'.")]
    public void A_bad_value_says_what_to_change(string name, string value, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => SampleOptions.Parse(new[] { name, value })).Message);

    [Fact]
    public void Unknown_options_and_missing_values_are_errors()
    {
        Assert.Contains("--help", Assert.Throws<ArgumentException>(() => SampleOptions.Parse(new[] { "--fast" })).Message);
        Assert.Equal("--out needs a value.", Assert.Throws<ArgumentException>(() => SampleOptions.Parse(new[] { "--out" })).Message);
    }
}
