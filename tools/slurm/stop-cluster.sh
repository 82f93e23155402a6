#!/bin/bash
# Stops the cluster tools/slurm/start-cluster.sh started: cancels its jobs, stops slurmd and slurmctld, and stops
# munged when that script started it. Its directory (PARSEC_SLURM_DIR, default /var/tmp/parsec-slurm) stays, logs included.
set -uo pipefail

dir=${PARSEC_SLURM_DIR:-/var/tmp/parsec-slurm}
export SLURM_CONF=$dir/slurm.conf

# Live, and not a zombie: in a container whose first process does not reap, an exited daemon stays one.
alive() { [ -r "/proc/$1/stat" ] && ! grep -q '^[0-9]* (.*) Z' "/proc/$1/stat"; }

stop() {   # <pid file> <name>: SIGTERM, then SIGKILL after ten seconds
    [ -s "$1" ] || return 0
    local pid
    pid=$(cat "$1")
    alive "$pid" || { rm -f "$1"; return 0; }
    kill "$pid"
    for _ in $(seq 1 100); do alive "$pid" || { rm -f "$1"; return 0; }; sleep 0.1; done
    echo "stop-cluster.sh: $2 ($pid) ignored SIGTERM; killing it" >&2
    kill -9 "$pid" 2>/dev/null
    rm -f "$1"
}

if [ -s "$dir/slurmctld.pid" ] && alive "$(cat "$dir/slurmctld.pid")"; then
    scancel --cluster=parsec --full --user="$(id -un)" >/dev/null 2>&1 || scancel --user="$(id -un)" >/dev/null 2>&1 || true
fi
stop "$dir/slurmd.pid" slurmd
stop "$dir/slurmctld.pid" slurmctld
if [ -e "$dir/started-munged" ]; then
    stop /run/munge/munged.pid munged
    rm -f "$dir/started-munged"
fi
echo "Slurm cluster stopped."
