using System;
using System.Collections.Generic;

namespace Parsec.Trials;

/// <summary>
/// The two options an executor appends to a trial's command line, <c>--trial-id &lt;id&gt;</c> and
/// <c>--result &lt;path&gt;</c>, read back by the trial program together with its own arguments.
/// </summary>
/// <param name="TrialId">The value of <c>--trial-id</c>.</param>
/// <param name="ResultPath">The value of <c>--result</c>: where the trial writes its <see cref="TrialResult"/>.</param>
/// <param name="Remaining">Every other argument, in order.</param>
public sealed record TrialCommandLine(string TrialId, string ResultPath, IReadOnlyList<string> Remaining)
{
    /// <summary>The option that carries the trial's id.</summary>
    public const string TrialIdOption = "--trial-id";

    /// <summary>The option that carries the path the trial writes its result to.</summary>
    public const string ResultOption = "--result";

    /// <summary>
    /// Takes <c>--trial-id</c> and <c>--result</c> (each exactly once, with a value) out of <paramref name="args"/>;
    /// throws <see cref="ArgumentException"/> naming the option that is missing, repeated or without a value.
    /// </summary>
    public static TrialCommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? id = null, result = null;
        var remaining = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] is TrialIdOption or ResultOption)
            {
                if (i + 1 >= args.Count)
                    throw new ArgumentException($"The trial option {args[i]} has no value: the executor passes {TrialIdOption} <id> {ResultOption} <path>.", nameof(args));
                ref string? slot = ref args[i] == TrialIdOption ? ref id : ref result;
                if (slot is not null)
                    throw new ArgumentException($"The trial option {args[i]} is given twice: pass it once.", nameof(args));
                slot = args[++i];
            }
            else
            {
                remaining.Add(args[i]);
            }
        }
        return new TrialCommandLine(
            id ?? throw new ArgumentException($"{TrialIdOption} <id> is missing: a trial program is started by an executor, which passes it.", nameof(args)),
            result ?? throw new ArgumentException($"{ResultOption} <path> is missing: a trial program is started by an executor, which passes it.", nameof(args)),
            remaining);
    }
}
