using System;
using System.Reflection;
using Xunit;

namespace Parsec.Trials.Tests;

public sealed class TrialSpecTests
{
    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("a/b")]
    [InlineData("$(touch x)")]
    [InlineData("quote'd")]
    [InlineData("semi;colon")]
    [InlineData("ünïcode")]
    [InlineData("trailing-newline\n")]
    public void An_id_outside_the_allowed_characters_is_refused_with_what_to_use(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => new TrialSpec(id, "program", []));

        Assert.Contains($"The trial id '{id}' is not valid: use 1 to 100 letters, digits, '.', '_' or '-'", error.Message);
    }

    [Fact]
    public void An_id_of_101_characters_is_refused_and_one_of_100_accepted()
    {
        Assert.Throws<ArgumentException>(() => new TrialSpec(new string('a', 101), "program", []));
        Assert.Equal(100, new TrialSpec(new string('a', 100), "program", []).Id.Length);
    }

    [Fact]
    public void Specs_with_equal_arguments_are_equal()
    {
        Assert.Equal(new TrialSpec("a", "p", ["x", "y"]), new TrialSpec("a", "p", new[] { "x", "y" }));
        Assert.NotEqual(new TrialSpec("a", "p", ["x", "y"]), new TrialSpec("a", "p", ["x"]));
    }

    [Fact]
    public void A_trial_of_the_current_process_starts_its_executable_and_under_dotnet_its_entry_assembly()
    {
        var spec = TrialSpec.ForCurrentProcess("again", ["train", "--seed", "3"]);

        Assert.Equal(Environment.ProcessPath, spec.Program);
        string[] expected = System.IO.Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet"
            ? [Assembly.GetEntryAssembly()!.Location, "train", "--seed", "3"]
            : ["train", "--seed", "3"];
        Assert.Equal(expected, spec.Arguments);
    }
}
