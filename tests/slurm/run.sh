#!/usr/bin/env bash
# A survey through a real Slurm job array, checked byte for byte against the same survey
# run in one process (issue 13.5, docs/cli.md "plrep survey --slurm").
#
# Starts a private one-node cluster from Debian's slurm-wlm and munge (installed with
# apt-get when missing; run as root): its own munge key and socket, its own ports,
# state, spool and logs under a temporary directory, SlurmUser=root, no cgroups. The
# daemons it started are stopped by their pids on exit, whatever happens.
#
#   bash tests/slurm/run.sh            # builds plrep (release) if needed
#   PLREP=/path/to/plrep bash tests/slurm/run.sh
#   GROUPS_ARGS="SG1..SG24" SHARDS=4 bash tests/slurm/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

# The groups: every SmallGroup of order 1..20 (55 groups) by default, in 4 shards.
read -r -a SURVEY_GROUPS <<<"${GROUPS_ARGS:-SG1..SG20}"
SHARDS=${SHARDS:-4}

if [ "$(id -u)" != 0 ]; then
  echo "tests/slurm/run.sh: needs root (it runs slurmd and installs packages)" >&2
  exit 2
fi
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null || ! command -v sbatch >/dev/null; then
  echo "installing slurm-wlm and munge" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi

if [ -z "${PLREP:-}" ]; then
  cargo build --release --quiet
  PLREP=$ROOT/target/release/plrep
fi

T=$(mktemp -d /tmp/plrep-slurm.XXXXXX)
chmod 711 "$T"   # munged wants its socket reachable by all (execute only)
PIDS=()
cleanup() {
  local status=$?
  # Stop what this script started, newest first, by pid.
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill "${PIDS[i]}" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$status" != 0 ]; then
    echo "--- slurm logs ($T) ---" >&2
    tail -n 30 "$T"/*.log "$T"/*.out >&2 || true
  else
    rm -rf "$T"
  fi
  exit "$status"
}
trap cleanup EXIT INT TERM

# A free TCP port (bash's /dev/tcp connect fails on a port nobody listens on).
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return
    fi
  done
}

# munge: a generated key, a private socket.
mkdir -p "$T/munge"
chmod 711 "$T/munge"
dd if=/dev/urandom of="$T/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$T/munge/munge.key"
munged --foreground --force --socket="$T/munge/munge.socket" \
  --key-file="$T/munge/munge.key" --pid-file="$T/munge/munged.pid" \
  --log-file="$T/munged.log" --seed-file="$T/munge/munged.seed" >"$T/munged.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do [ -S "$T/munge/munge.socket" ] && break; sleep 0.1; done
[ -S "$T/munge/munge.socket" ] || { echo "munged did not start" >&2; exit 1; }

# slurm: one node, this machine, 2 CPUs, its memory as slurmd measures it.
HOST=$(hostname)
MEM=$(slurmd -C | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' | head -n 1)
[ -n "$MEM" ] || MEM=$(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo)
mkdir -p "$T/state" "$T/spool"
export SLURM_CONF=$T/slurm.conf
cat >"$SLURM_CONF" <<EOF
ClusterName=plrepci
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$T/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$T/state
SlurmdSpoolDir=$T/spool
SlurmctldPidFile=$T/slurmctld.pid
SlurmdPidFile=$T/slurmd.pid
SlurmctldLogFile=$T/slurmctld.log
SlurmdLogFile=$T/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SlurmdParameters=config_overrides
ReturnToService=2
MpiDefault=none
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=2 RealMemory=$MEM State=UNKNOWN
PartitionName=ci Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -D -i -f "$SLURM_CONF" >"$T/slurmctld.out" 2>&1 &
PIDS+=($!)
slurmd -D -f "$SLURM_CONF" >"$T/slurmd.out" 2>&1 &
PIDS+=($!)
up=
for _ in $(seq 300); do
  if sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then up=1; break; fi
  sleep 0.2
done
[ -n "$up" ] || { echo "the slurm node did not come up" >&2; sinfo >&2 || true; exit 1; }
echo "slurm: node $HOST up ($(sinfo -h -o '%T %c CPUs %m MB'))" >&2

# The same survey in one process, and set up as a job array.
REF=$T/reference
OUT=$T/array
"$PLREP" survey "${SURVEY_GROUPS[@]}" --out "$REF" --quiet
"$PLREP" survey "${SURVEY_GROUPS[@]}" --out "$OUT" --slurm "$SHARDS" --jobs 1 --quiet
test -x "$OUT/slurm/submit.sh" || chmod +x "$OUT/slurm/submit.sh"

# Before any task ran, the merge refuses, naming every shard.
set +e
msg=$("$PLREP" survey-merge "$OUT" 2>&1)
code=$?
set -e
[ "$code" = 2 ] || { echo "FAIL: merge before the tasks exited $code: $msg" >&2; exit 1; }
for i in $(seq "$SHARDS"); do
  grep -q "$i/$SHARDS" <<<"$msg" || { echo "FAIL: the merge error does not name shard $i/$SHARDS: $msg" >&2; exit 1; }
done
[ ! -e "$OUT/summary.md" ] || { echo "FAIL: a refused merge wrote summary.md" >&2; exit 1; }

# Submit the array and its dependent merge, and wait for both.
ids=$(bash "$OUT/slurm/submit.sh")
echo "slurm: $ids" >&2
array=$(sed -n 's/^array job \([0-9]*\), merge job \([0-9]*\)$/\1/p' <<<"$ids")
merge=$(sed -n 's/^array job \([0-9]*\), merge job \([0-9]*\)$/\2/p' <<<"$ids")
[ -n "$array" ] && [ -n "$merge" ] || { echo "FAIL: submit.sh printed '$ids'" >&2; exit 1; }
for _ in $(seq 3000); do
  [ -z "$(squeue -h -j "$array,$merge" 2>/dev/null)" ] && break
  sleep 0.2
done
[ -z "$(squeue -h -j "$array,$merge" 2>/dev/null)" ] || { echo "FAIL: the jobs did not finish" >&2; squeue >&2; exit 1; }
tasks=$(ls "$OUT"/slurm/task-*.out | wc -l)
[ "$tasks" = "$SHARDS" ] || { echo "FAIL: $tasks task outputs, expected $SHARDS" >&2; exit 1; }

# The merge job wrote the summaries: byte for byte those of the one-process survey.
for f in summary.md summary.tex summary.csv; do
  cmp "$REF/$f" "$OUT/$f" || { echo "FAIL: $f differs from the one-process survey" >&2; cat "$OUT/slurm/merge.out" >&2; exit 1; }
done
for f in "$REF"/[0-9]*.jsonl; do
  cmp "$f" "$OUT/$(basename "$f")" || { echo "FAIL: $(basename "$f") differs" >&2; exit 1; }
done

# Merging again changes nothing (idempotent).
cp "$OUT/summary.md" "$T/first.md"
"$PLREP" survey-merge "$OUT" --quiet
cmp "$T/first.md" "$OUT/summary.md"

# A lost group file is named with its shard; the re-run task brings it back.
lost=$(ls "$OUT"/[0-9]*.jsonl | sed -n 3p)
rm "$lost"
set +e
msg=$("$PLREP" survey-merge "$OUT" 2>&1)
code=$?
set -e
[ "$code" = 2 ] && grep -q "3/$SHARDS" <<<"$msg" && grep -q "$(basename "$lost")" <<<"$msg" ||
  { echo "FAIL: merge with $(basename "$lost") missing: exit $code: $msg" >&2; exit 1; }
sbatch --wait --array=3 "$OUT/slurm/array.sh" >/dev/null
"$PLREP" survey-merge "$OUT" --quiet
cmp "$REF/summary.md" "$OUT/summary.md"

n=$(ls "$REF"/[0-9]*.jsonl | wc -l)
echo "ok: $n groups in $SHARDS Slurm array tasks, merged summaries equal the one-process survey byte for byte" >&2
