using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Parsec.Trials;

/// <summary>
/// One independent training run: the process <c>Program Arguments... --trial-id &lt;Id&gt; --result &lt;path&gt;</c>,
/// which trains, writes a <see cref="TrialResult"/> to the path and exits with code 0.
/// </summary>
/// <remarks>
/// <see cref="Id"/> names the trial's files in the results directory (<c>&lt;Id&gt;.json</c>, <c>logs/&lt;Id&gt;.out</c>,
/// <c>logs/&lt;Id&gt;.err</c>), so it is 1 to 100 characters of letters, digits, '.', '_' and '-'. The executors pass
/// <see cref="Program"/> and <see cref="Arguments"/> to the process as they are, never through a shell's parser.
/// </remarks>
public sealed partial record TrialSpec
{
    private const int MaxIdLength = 100;

    /// <summary>Creates a trial; throws <see cref="ArgumentException"/> saying what to change when a value is invalid.</summary>
    /// <param name="Id">The trial's name, unique within a run: 1 to 100 of [A-Za-z0-9._-].</param>
    /// <param name="Program">The executable to start: a path, or a name found on PATH.</param>
    /// <param name="Arguments">The arguments before <c>--trial-id</c> and <c>--result</c>, none of them null.</param>
    public TrialSpec(string Id, string Program, IReadOnlyList<string> Arguments)
    {
        ArgumentNullException.ThrowIfNull(Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(Program);
        ArgumentNullException.ThrowIfNull(Arguments);
        if (!IdPattern().IsMatch(Id))
            throw new ArgumentException(
                $"The trial id '{Id}' is not valid: use 1 to {MaxIdLength} letters, digits, '.', '_' or '-', because it names the trial's files.",
                nameof(Id));
        if (Arguments.Any(argument => argument is null))
            throw new ArgumentException($"Trial '{Id}' has a null argument: pass an empty string or leave it out.", nameof(Arguments));
        this.Id = Id;
        this.Program = Program;
        this.Arguments = Arguments.ToArray();
    }

    /// <summary>The trial's name, unique within a run; it names the trial's files.</summary>
    public string Id { get; }

    /// <summary>The executable to start.</summary>
    public string Program { get; }

    /// <summary>The arguments before <c>--trial-id</c> and <c>--result</c> (a copy of those given).</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>
    /// A trial that runs this same program again with <paramref name="arguments"/>: <see cref="Environment.ProcessPath"/>,
    /// and when that is the <c>dotnet</c> host, the entry assembly's path as its first argument.
    /// </summary>
    /// <exception cref="InvalidOperationException">The process path or, under <c>dotnet</c>, the entry assembly is unknown.</exception>
    public static TrialSpec ForCurrentProcess(string id, IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        string host = Environment.ProcessPath
                      ?? throw new InvalidOperationException("This process's executable path is unknown, so it cannot be started as a trial: build a TrialSpec with the program's path.");
        var all = new List<string>();
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            string assembly = Assembly.GetEntryAssembly()?.Location is { Length: > 0 } location
                ? location
                : throw new InvalidOperationException("This process runs under 'dotnet' but its entry assembly's path is unknown: build a TrialSpec with the program's path.");
            all.Add(assembly);
        }
        all.AddRange(arguments);
        return new TrialSpec(id, host, all);
    }

    /// <summary>The full argument list the trial's process gets: <see cref="Arguments"/>, then the trial's id and result path.</summary>
    internal IReadOnlyList<string> CommandLine(string resultPath) =>
        [.. Arguments, TrialCommandLine.TrialIdOption, Id, TrialCommandLine.ResultOption, resultPath];

    /// <summary>Value equality over the argument list's elements rather than its reference.</summary>
    public bool Equals(TrialSpec? other) =>
        other is not null && Id == other.Id && Program == other.Program && Arguments.SequenceEqual(other.Arguments);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Program, Arguments.Count);

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,100}\z")]
    private static partial Regex IdPattern();
}
