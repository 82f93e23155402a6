#!/bin/bash
# Starts a single-node Slurm cluster on this machine for the tests and benchmarks of Parsec.Trials: installs
# Debian's slurm-wlm and munge when missing, writes a slurm.conf for this host's CPUs and memory, starts munged,
# slurmctld and slurmd, and waits until the node is idle. Running it again while the cluster runs changes nothing.
#
#   tools/slurm/start-cluster.sh            # as root
#   export SLURM_CONF=/var/tmp/parsec-slurm/slurm.conf   # printed at the end; /etc/slurm/slurm.conf points there too
#
# Settings (environment): PARSEC_SLURM_DIR (state, logs, configuration; default /var/tmp/parsec-slurm),
# PARSEC_SLURM_CTLD_PORT / PARSEC_SLURM_D_PORT (default 6817 / 6818), PARSEC_SLURM_TIMEOUT (seconds to wait, default 90).
# The cluster is for a container or a test machine: no cgroups (proctrack/linuxproc, task/none), daemons as root.
set -euo pipefail

dir=${PARSEC_SLURM_DIR:-/var/tmp/parsec-slurm}
ctld_port=${PARSEC_SLURM_CTLD_PORT:-6817}
d_port=${PARSEC_SLURM_D_PORT:-6818}
timeout=${PARSEC_SLURM_TIMEOUT:-90}
conf=$dir/slurm.conf
marker="# Written by Parsec's tools/slurm/start-cluster.sh"

fail() {
    echo "start-cluster.sh: $*" >&2
    for log in "$dir/slurmctld.log" "$dir/slurmd.log" /var/log/munge/munged.log; do
        if [ -s "$log" ]; then echo "--- last lines of $log:" >&2; tail -n 25 "$log" >&2; fi
    done
    exit 1
}

# A daemon is running when its pid file names a live process (a zombie, left unreaped in some containers, is not).
running() { [ -s "$1" ] && [ -r "/proc/$(cat "$1")/stat" ] && ! grep -q '^[0-9]* (.*) Z' "/proc/$(cat "$1")/stat"; }
up() { SLURM_CONF=$conf sinfo --noheader --format=%T 2>/dev/null | head -n 1 | grep -qE '^(idle|mixed|allocated|completing)$'; }

# Already up (started earlier, perhaps with sudo): nothing to do, whoever asks.
if [ -s "$conf" ] && running "$dir/slurmctld.pid" && running "$dir/slurmd.pid" && up; then
    echo "Slurm cluster already up ($conf)."
    echo "export SLURM_CONF=$conf"
    exit 0
fi

missing=()
command -v slurmctld >/dev/null || missing+=(slurmctld)
command -v slurmd >/dev/null || missing+=(slurmd)
command -v sbatch >/dev/null || missing+=(slurm-client)
command -v munged >/dev/null || missing+=(munge)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "start-cluster.sh: Slurm or munge is not installed (missing: ${missing[*]}). Install them as root:" >&2
        echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends slurm-wlm munge" >&2
        echo "then run tools/slurm/start-cluster.sh as root." >&2
        exit 1
    fi
    echo "Installing slurm-wlm and munge (missing: ${missing[*]})..."
    apt-get update -qq || fail "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null || fail "apt-get install slurm-wlm munge failed"
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "start-cluster.sh: the cluster is not running and its daemons run as root; start it with: sudo $0" >&2
    exit 1
fi

mkdir -p "$dir/state" "$dir/spool"

# munge: a key, then the daemon, unless credentials already round-trip.
if [ ! -s /etc/munge/munge.key ]; then
    mkdir -p /etc/munge
    mungekey --create --keyfile=/etc/munge/munge.key || fail "could not create /etc/munge/munge.key"
    chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
fi
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    mkdir -p /run/munge /var/log/munge /var/lib/munge
    chown munge:munge /run/munge /var/log/munge /var/lib/munge
    runuser -u munge -- /usr/sbin/munged || fail "munged did not start"
    touch "$dir/started-munged"
    for _ in $(seq 1 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
    munge -n | unmunge >/dev/null || fail "munge credentials do not round-trip"
fi

# The configuration: this host, its CPUs and memory as slurmd itself detects them.
host=$(hostname -s)
hardware=$(slurmd -C | head -n 1 | sed -e "s/^NodeName=[^ ]* //")
[ -n "$hardware" ] || fail "slurmd -C did not describe this machine"
cat > "$conf.new" <<CONF
$marker for host $host; it is rewritten on every start.
ClusterName=parsec
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=$ctld_port
SlurmdPort=$d_port
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
SlurmctldTimeout=30
SlurmdTimeout=60
InactiveLimit=0
MinJobAge=60
KillWait=5
NodeName=$host NodeAddr=127.0.0.1 $hardware State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
mv "$conf.new" "$conf"
# Clients read /etc/slurm/slurm.conf unless SLURM_CONF says otherwise; point it here unless it is someone else's.
if [ ! -e /etc/slurm/slurm.conf ] || [ "$(readlink -f /etc/slurm/slurm.conf)" = "$(readlink -f "$conf")" ]; then
    mkdir -p /etc/slurm && ln -sfn "$conf" /etc/slurm/slurm.conf
fi
export SLURM_CONF=$conf

# A port another program listens on would make a daemon exit, while that program might answer sinfo in its place.
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
running "$dir/slurmctld.pid" || ! listening "$ctld_port" || fail "port $ctld_port is in use by another program (another slurmctld?): stop it, or set PARSEC_SLURM_CTLD_PORT"
running "$dir/slurmd.pid" || ! listening "$d_port" || fail "port $d_port is in use by another program (another slurmd?): stop it, or set PARSEC_SLURM_D_PORT"
if running "$dir/slurmctld.pid"; then
    scontrol reconfigure >/dev/null 2>&1 || true
else
    rm -f "$dir/slurmctld.pid"
    slurmctld -f "$conf" || fail "slurmctld did not start"
fi
if ! running "$dir/slurmd.pid"; then
    rm -f "$dir/slurmd.pid"
    slurmd -f "$conf" || fail "slurmd did not start"
fi
# A daemon has exited when its pid file (written once it has forked into the background) names no live process.
exited() { [ -s "$1" ] && ! running "$1"; }

state=""
for _ in $(seq 1 $((timeout * 2))); do
    # Another cluster on the same ports could answer sinfo: the daemons started here must be the ones running.
    exited "$dir/slurmctld.pid" && fail "slurmctld exited"
    exited "$dir/slurmd.pid" && fail "slurmd exited"
    state=$(sinfo --noheader --nodes="$host" --format=%T 2>/dev/null | head -n 1 || true)
    case "$state" in
        idle|mixed|allocated|completing) break ;;
        drained*|draining|down*) scontrol update NodeName="$host" State=RESUME >/dev/null 2>&1 || true ;;
    esac
    sleep 0.5
done
case "$state" in
    idle|mixed|allocated|completing) running "$dir/slurmctld.pid" && running "$dir/slurmd.pid" || fail "the node is $state, but the daemons started here are not both running" ;;
    *) fail "node $host is '${state:-not reported}' after ${timeout}s instead of idle (configuration: $conf)" ;;
esac
echo "Slurm cluster up: node $host ($hardware), partition debug, state $state."
echo "export SLURM_CONF=$conf"
