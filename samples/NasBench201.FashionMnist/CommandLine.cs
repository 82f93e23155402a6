using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>
/// A command's <c>--name value</c> options and <c>--flag</c> switches. Every mistake is an
/// <see cref="ArgumentException"/> that names the option and says what it takes.
/// </summary>
public sealed class CommandLine
{
    private readonly string command;
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);

    /// <param name="command">The command's name, for messages.</param>
    /// <param name="args">The arguments after the command.</param>
    /// <param name="valued">Options that take a value.</param>
    /// <param name="switches">Options that take none.</param>
    public CommandLine(string command, IReadOnlyList<string> args, IEnumerable<string> valued, IEnumerable<string>? switches = null)
    {
        this.command = command;
        var takesValue = valued.ToHashSet(StringComparer.Ordinal);
        var isSwitch = (switches ?? []).ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (isSwitch.Contains(name)) flags.Add(name);
            else if (takesValue.Contains(name))
            {
                if (i + 1 >= args.Count) throw new ArgumentException($"{name} needs a value.");
                values[name] = args[++i];
            }
            else throw new ArgumentException($"'{name}' is not an option of {command}; run '{command} --help' for the list.");
        }
    }

    /// <summary>Whether the switch was given.</summary>
    public bool Has(string name) => flags.Contains(name);

    /// <summary>The option's text, or <paramref name="fallback"/>.</summary>
    public string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    /// <summary>The option's text, or null.</summary>
    public string? Optional(string name) => values.GetValueOrDefault(name);

    /// <summary>The option's text; an error when it is missing.</summary>
    public string Required(string name) =>
        values.GetValueOrDefault(name) ?? throw new ArgumentException($"{command} needs {name}.");

    /// <summary>The option as a whole number of at least <paramref name="minimum"/>, or <paramref name="fallback"/>.</summary>
    public long Integer(string name, long fallback, long minimum = 0) =>
        values.TryGetValue(name, out string? text) ? ParseInteger(name, text, minimum) : fallback;

    /// <summary>The option as a positive finite number, or <paramref name="fallback"/>.</summary>
    public double Number(string name, double fallback) =>
        !values.TryGetValue(name, out string? text) ? fallback
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0 && double.IsFinite(value) ? value
        : throw new ArgumentException($"{name} takes a positive number, not '{text}'.");

    /// <summary>A comma-separated list of whole numbers, such as <c>1,2,3</c>.</summary>
    public IReadOnlyList<long> Integers(string name, IReadOnlyList<long> fallback) =>
        values.TryGetValue(name, out string? text)
            ? text.Split(',').Select(part => ParseInteger(name, part.Trim(), 0)).ToArray()
            : fallback;

    private static long ParseInteger(string name, string text, long minimum) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) && value >= minimum && value <= int.MaxValue
            ? value
            : throw new ArgumentException($"{name} takes a whole number of at least {minimum}, not '{text}'.");
}
