using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using Parsec.Trials;

/// <summary>
/// A driver in its own process, which a test can kill: <c>drive local|slurm &lt;results&gt; &lt;starts directory&gt; &lt;count&gt;
/// &lt;seconds&gt;</c> runs trials trial-1..trial-count of this program, each sleeping the given seconds, and prints
/// one line per outcome.
/// </summary>
internal static class TestDriver
{
    public static int Run(string[] args)
    {
        if (args.Length != 5)
        {
            Console.Error.WriteLine("usage: drive local|slurm <results directory> <starts directory> <count> <seconds>");
            return 2;
        }
        string results = args[1], startsDirectory = args[2];
        int count = int.Parse(args[3], CultureInfo.InvariantCulture);
        string program = Environment.ProcessPath!;
        string assembly = typeof(TestDriver).Assembly.Location;
        var trials = Enumerable.Range(1, count)
            .Select(i => new TrialSpec($"trial-{i}", program, [assembly, "--sleep", args[4], "--starts", startsDirectory]))
            .ToList();
        ITrialExecutor executor = args[0] switch
        {
            "local" => new LocalTrialPool(new LocalTrialPoolOptions { ResultsDirectory = results, Workers = 2 }),
            "slurm" => new SlurmTrialExecutor(new SlurmTrialOptions { ResultsDirectory = results, PollInterval = TimeSpan.FromSeconds(0.2), ResultWait = TimeSpan.FromSeconds(0.5) }),
            _ => throw new ArgumentException($"Unknown executor '{args[0]}': use local or slurm."),
        };
        foreach (var outcome in executor.Run(trials, null, CancellationToken.None))
            Console.WriteLine($"{outcome.Trial.Id}: {(outcome.Succeeded ? outcome.Result!.Accuracy.ToString(CultureInfo.InvariantCulture) : outcome.Error)}");
        return 0;
    }
}
