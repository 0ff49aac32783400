#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A throw-away single-node Slurm cluster for tests, from Debian's slurm-wlm and munge: munged, slurmctld and slurmd
# on localhost with their own key, socket, state, logs and random free ports in one temporary folder; nothing
# under /etc is read or written, and another Slurm on the machine is not disturbed. Source this file, then
#   slurm_start   (sets SLURM_BASE and exports SLURM_CONF for sbatch, squeue, scontrol ...)
#   slurm_stop    (cancels what still runs, stops the daemons, removes the folder unless SLURM_KEEP=1)
# Needs root: slurmd starts the jobs as their user. No cgroups are needed (linuxproc process tracking).

slurm_missing() {
  local b
  for b in munged mungekey munge unmunge slurmctld slurmd sbatch squeue scontrol sinfo scancel; do
    command -v "$b" > /dev/null || { echo "$b"; return 0; }
  done
  return 1
}

_slurm_pid() { [ -s "$1" ] && cat "$1" || true; }
_slurm_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2> /dev/null; }

# A port is free when no IPv4/IPv6 socket has it as its local port.
_slurm_port_busy() {
  local hex
  hex=$(printf '%04X' "$1")
  awk -v h=":$hex" 'NR > 1 && substr($2, length($2) - 4) == h { f = 1 } END { exit !f }' \
    /proc/net/tcp /proc/net/tcp6 2> /dev/null
}

slurm_start() {
  SLURM_BASE=$(mktemp -d /tmp/quantlens-slurm.XXXXXX)
  chmod 755 "$SLURM_BASE" # munged wants every folder above its socket searchable
  mkdir -p "$SLURM_BASE"/{etc,state,spool,log}
  mkdir -m 755 "$SLURM_BASE/munge"
  export SLURM_CONF=$SLURM_BASE/etc/slurm.conf

  local port="" i
  for i in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    _slurm_port_busy "$port" || _slurm_port_busy $((port + 1)) || break
    port=""
  done
  [ -n "$port" ] || { echo "slurm_start: no free pair of ports" >&2; return 1; }

  local m=$SLURM_BASE/munge
  mungekey -c -k "$m/munge.key"
  munged --key-file="$m/munge.key" --socket="$m/munge.sock" --pid-file="$m/munged.pid" \
    --log-file="$m/munged.log" --seed-file="$m/munged.seed"
  munge -n -S "$m/munge.sock" | unmunge -S "$m/munge.sock" > /dev/null ||
    { echo "slurm_start: munge cannot encode and decode a credential" >&2; return 1; }

  local node hardware memory
  node=$(hostname -s)
  # The node as slurmd sees it (CPUs, sockets, cores, threads); memory a little below the physical amount.
  hardware=$(slurmd -C | head -1 | sed -e 's/^NodeName=[^ ]* //' -e 's/ RealMemory=[0-9]*//' -e 's/ UpTime=.*//')
  memory=$(free -m | awk '/^Mem:/ { print int($2 * 0.9) }')
  cat > "$SLURM_CONF" << CONF
ClusterName=quantlens-test
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$m/munge.sock
StateSaveLocation=$SLURM_BASE/state
SlurmdSpoolDir=$SLURM_BASE/spool
SlurmctldPidFile=$SLURM_BASE/slurmctld.pid
SlurmdPidFile=$SLURM_BASE/slurmd.pid
SlurmctldLogFile=$SLURM_BASE/log/slurmctld.log
SlurmdLogFile=$SLURM_BASE/log/slurmd.log
MailProg=/bin/true
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SwitchType=switch/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
SchedulerParameters=bf_interval=1,sched_interval=1
DependencyParameters=kill_invalid_depend
ReturnToService=2
MinJobAge=600
NodeName=$node NodeAddr=127.0.0.1 $hardware RealMemory=$memory State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
  slurmctld -f "$SLURM_CONF"
  slurmd -f "$SLURM_CONF" -N "$node"
  local state=""
  for i in $(seq 1 240); do
    state=$(sinfo -h -n "$node" -o %T 2> /dev/null || true)
    [ "$state" = idle ] && return 0
    sleep 0.25
  done
  echo "slurm_start: the node did not become idle (state '$state'):" >&2
  tail -n 20 "$SLURM_BASE"/log/*.log >&2 || true
  return 1
}

slurm_stop() {
  [ -n "${SLURM_BASE:-}" ] || return 0
  local ctld daemon munged i p
  ctld=$(_slurm_pid "$SLURM_BASE/slurmctld.pid")
  daemon=$(_slurm_pid "$SLURM_BASE/slurmd.pid")
  if _slurm_alive "$ctld" || _slurm_alive "$daemon"; then
    # scontrol shutdown leaves running jobs alive: cancel them first.
    scancel --partition=test > /dev/null 2>&1 || true
    for i in $(seq 1 40); do
      [ -z "$(squeue -h -o %i 2> /dev/null)" ] && break
      sleep 0.25
    done
    scontrol shutdown > /dev/null 2>&1 || true
    for i in $(seq 1 40); do
      _slurm_alive "$ctld" || _slurm_alive "$daemon" || break
      sleep 0.25
    done
    for p in $ctld $daemon; do
      _slurm_alive "$p" && kill -9 "$p" 2> /dev/null
    done
  fi
  munged=$(_slurm_pid "$SLURM_BASE/munge/munged.pid")
  if _slurm_alive "$munged"; then
    kill "$munged"
    for i in $(seq 1 20); do
      _slurm_alive "$munged" || break
      sleep 0.25
    done
  fi
  # Job steps that survived (slurmstepd keeps slurmd's working folder inside SLURM_BASE).
  for p in $(pgrep -x slurmstepd || true); do
    case "$(readlink "/proc/$p/cwd" 2> /dev/null)" in
      "$SLURM_BASE"/*) kill -9 "$p" 2> /dev/null || true ;;
    esac
  done
  if [ "${SLURM_KEEP:-0}" = 1 ]; then
    echo "slurm_stop: logs kept in $SLURM_BASE" >&2
  else
    rm -rf "$SLURM_BASE"
  fi
  SLURM_BASE=""
}
