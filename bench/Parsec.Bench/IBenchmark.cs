using System.Threading.Tasks;

namespace Parsec.Bench;

/// <summary>
/// One named benchmark of <c>dotnet run -c Release --project bench/Parsec.Bench -- &lt;name&gt;</c>.
/// It prints what it likes, then its figures as one JSON object on its last line.
/// </summary>
public interface IBenchmark
{
    /// <summary>The name given on the command line.</summary>
    string Name { get; }

    /// <summary>One line saying what it measures, for the usage text.</summary>
    string Description { get; }

    /// <summary>Runs the benchmark with the arguments after its name; returns the exit code.</summary>
    Task<int> RunAsync(string[] args);
}
