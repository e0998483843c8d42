#!/usr/bin/env bash
# A single-machine Slurm cluster for trying `twinc sweep exec --engine slurm` and for the
# sweep's Slurm test: munged, slurmctld and slurmd started directly as daemons (no
# systemd), one node (this host) in one partition. Needs Debian's `slurm-wlm` and
# `munge`, and root. Idempotent: `start` does nothing when the cluster already answers.
#
#   scripts/slurm-local.sh start    # write /etc/slurm/slurm.conf, start the daemons, wait for the node
#   scripts/slurm-local.sh stop     # stop the daemons this script started
set -euo pipefail

action="${1:-start}"
host="$(hostname -s)"
conf=/etc/slurm/slurm.conf
state=/var/spool/twinc-slurm

# Stops the daemons and waits for them (up to 15 s, then SIGKILL): slurmctld saves its
# state on the way out and takes a few seconds, and a caller that starts a fresh cluster
# right after must not find the old one still answering.
stop() {
  local pids=()
  for pidfile in /run/slurmd.pid /run/slurmctld.pid /run/munge/munged.pid; do
    [ -f "$pidfile" ] && pids+=("$(cat "$pidfile")")
  done
  [ ${#pids[@]} -gt 0 ] || return 0
  kill "${pids[@]}" 2>/dev/null || true
  # A daemon started from a thread that blocks SIGTERM (a test's) inherits the mask and
  # never sees it: those get SIGKILL when the wait is over.
  local pid
  for _ in $(seq 1 30); do
    local alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" -eq 1 ] || return 0
    sleep 0.5
  done
  kill -KILL "${pids[@]}" 2>/dev/null || true
  return 0
}

if [ "$action" = stop ]; then stop; exit 0; fi
if [ "$action" != start ]; then echo "usage: $0 start|stop" >&2; exit 64; fi

for tool in munged slurmctld slurmd sbatch; do
  command -v "$tool" >/dev/null || { echo "slurm-local: $tool missing: apt-get install slurm-wlm munge" >&2; exit 69; }
done

if sinfo --noheader --states=idle,mixed,allocated 2>/dev/null | grep -q .; then exit 0; fi

cpus="$(nproc)"
memory=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512 ))
mkdir -p "$state/ctld" "$state/d" /run/munge /var/log/slurm
cat > "$conf" <<CONF
# Written by twinc's scripts/slurm-local.sh: one node, this host; no accounting database.
ClusterName=twinc-local
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/d
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MinJobAge=300
NodeName=$host CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF

if [ ! -s /etc/munge/munge.key ]; then
  dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
fi
chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge 2>/dev/null || true
chmod 0400 /etc/munge/munge.key
# The daemons get no stdin/stdout/stderr of ours: a caller reading this script's output
# through a pipe (the test) must see end-of-file when the script exits, not wait for
# daemons that inherited the pipe.
if ! munge -n >/dev/null 2>&1; then
  runuser -u munge -- munged </dev/null >/dev/null 2>&1
fi
pgrep -x slurmctld >/dev/null || slurmctld </dev/null >/dev/null 2>&1
pgrep -x slurmd >/dev/null || slurmd </dev/null >/dev/null 2>&1

for _ in $(seq 1 60); do
  if sinfo --noheader --states=idle,mixed,allocated 2>/dev/null | grep -q .; then exit 0; fi
  scontrol update nodename="$host" state=resume >/dev/null 2>&1 || true
  sleep 1
done
echo "slurm-local: the node did not come up; see /var/log/slurm/" >&2
sinfo >&2 || true
exit 70
