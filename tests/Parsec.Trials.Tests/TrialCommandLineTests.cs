using System;
using Xunit;

namespace Parsec.Trials.Tests;

public sealed class TrialCommandLineTests
{
    [Fact]
    public void The_executors_options_are_taken_out_and_the_rest_kept_in_order()
    {
        var command = TrialCommandLine.Parse(["train", "--seed", "3", "--trial-id", "cell-1", "--epochs", "2", "--result", "/r/cell-1.json"]);

        Assert.Equal("cell-1", command.TrialId);
        Assert.Equal("/r/cell-1.json", command.ResultPath);
        Assert.Equal(["train", "--seed", "3", "--epochs", "2"], command.Remaining);
    }

    [Theory]
    [InlineData(new[] { "--result", "r.json" }, "--trial-id <id> is missing")]
    [InlineData(new[] { "--trial-id", "a" }, "--result <path> is missing")]
    [InlineData(new[] { "--trial-id", "a", "--result" }, "The trial option --result has no value")]
    [InlineData(new[] { "--trial-id", "a", "--trial-id", "b", "--result", "r" }, "The trial option --trial-id is given twice")]
    public void A_missing_valueless_or_repeated_option_is_named(string[] args, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => TrialCommandLine.Parse(args));

        Assert.StartsWith(expected, error.Message);
    }
}
