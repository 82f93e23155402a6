using Parsec.Samples.FashionMnist;
using Parsec.Trials;

namespace Parsec.Samples.NasBench201.FashionMnist;

/// <summary>
/// Where a command's trials run: <c>--executor local</c> (the default: child processes on this machine, one per core)
/// or <c>--executor slurm</c> (job arrays through <c>sbatch</c>, with the cluster's settings from the options below).
/// With <c>--print-script</c> the command prints the Slurm batch script it would submit and submits nothing.
/// </summary>
public static class ExecutorChoice
{
    /// <summary>The options this adds to a command, for its usage text.</summary>
    public const string Usage = """
          --executor local|slurm   where cells train: child processes here, or Slurm job arrays    [local]
          --workers N              local: trials at once                                          [cores]
          --partition NAME         slurm: the partition
          --account NAME           slurm: the account
          --time-limit MINUTES     slurm: each trial's time limit
          --memory MB              slurm: each trial's memory
          --sbatch LINE            slurm: one more #SBATCH line, such as "#SBATCH --qos=long"
        """;

    /// <summary>The usage line of <see cref="PrintScript"/>, for a command that offers it.</summary>
    public const string PrintScriptUsage = """
          --print-script           slurm: print the batch script and submit nothing
        """;

    /// <summary>The option names <see cref="Create"/> reads.</summary>
    public static readonly string[] Options = ["--executor", "--workers", "--partition", "--account", "--time-limit", "--memory", "--sbatch"];

    /// <summary>The switch that prints the Slurm script instead of submitting.</summary>
    public const string PrintScript = "--print-script";

    /// <summary>The executor the command line asks for, writing results and logs under <paramref name="trials"/>.</summary>
    /// <exception cref="ArgumentException">An option is invalid; the message says what to change.</exception>
    public static ITrialExecutor Create(CommandLine line, string trials) => new TrialExecutorSettings
    {
        Executor = line.Text("--executor", "local"),
        Workers = line.Optional("--workers") is null ? null : (int)line.Integer("--workers", 1, 1),
        Partition = line.Optional("--partition"),
        Account = line.Optional("--account"),
        TimeLimitMinutes = line.Optional("--time-limit") is null ? null : (int)line.Integer("--time-limit", 1, 1),
        MemoryMegabytes = line.Optional("--memory") is null ? null : (int)line.Integer("--memory", 1, 1),
        ExtraDirective = line.Optional("--sbatch"),
    }.Create(trials);
}
