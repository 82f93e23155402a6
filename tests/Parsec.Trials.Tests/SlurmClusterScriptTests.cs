using Xunit;

namespace Parsec.Trials.Tests;

[Collection(nameof(SlurmCluster))]
public sealed class SlurmClusterScriptTests(SlurmCluster cluster)
{
    private readonly SlurmCluster cluster = cluster;

    [Fact]
    public void Starting_the_cluster_again_while_it_runs_changes_nothing()
    {
        Assert.NotNull(cluster);

        var (exitCode, output) = SlurmCluster.RunScript("start-cluster.sh");

        Assert.Equal(0, exitCode);
        Assert.Contains("Slurm cluster already up", output);
    }

    [Fact]
    public void A_cluster_whose_port_is_taken_is_an_error_before_its_daemons_start()
    {
        using var scratch = new ScratchDirectory();

        // The running cluster holds the ports, so a second one in another directory cannot bind them.
        var (exitCode, output) = SlurmCluster.RunScript("start-cluster.sh", ("PARSEC_SLURM_DIR", scratch.Path), ("PARSEC_SLURM_TIMEOUT", "20"));

        Assert.Equal(1, exitCode);
        Assert.Contains("start-cluster.sh: port 6817 is in use by another program (another slurmctld?)", output);
        Assert.False(System.IO.File.Exists(System.IO.Path.Combine(scratch.Path, "slurmctld.pid")));
    }
}
