#!/usr/bin/env bash
# Side-by-side timing of the conjugacy classes of subgroups: `plrep subgroups` (whole
# process, release build, JSON output) against GAP 4.12's ConjugacyClassesSubgroups on the
# same generators, with the ratio and the class counts of both (they must agree). Both
# sides are CPU times (plrep: user + system of the process, by GNU time; GAP: its
# Runtime(), CPU time), so a loaded machine does not skew the ratio; the wall-clock time
# of plrep is printed too. Optional: needs `gap` and /usr/bin/time; never run in CI.
# Usage: benches/gap_compare_subgroups.sh [GROUP...]   (catalog names; default: the six
# groups of issue 13). Also reached as `benches/gap_compare.sh --subgroups [GROUP...]`.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
bin=target/release/plrep
groups=("$@")
if [ ${#groups[@]} -eq 0 ]; then groups=(S7 M11 PSL3_4 A8 S8 M12); fi
printf "%-10s %8s %8s %10s %10s %10s %8s\n" group ours gap plrep_ms gap_ms wall_ms ratio
logsum=0; n=0
for g in "${groups[@]}"; do
  gens=$("$bin" info "$g" --format json | python3 -c "import json,sys;print(','.join(json.load(sys.stdin)['group']['generators']))")
  out=$(mktemp); cpu=$(mktemp)
  start=$(date +%s%N)
  /usr/bin/time -f "%U %S" -o "$cpu" "$bin" subgroups "$g" --format json -o "$out"
  end=$(date +%s%N)
  ours=$(python3 -c "import json;print(json.load(open('$out'))['classes'])")
  ms=$(python3 -c "u,s=open('$cpu').read().split()[-2:];print(round(1000*(float(u)+float(s))))")
  rm -f "$out" "$cpu"
  wall=$(( (end - start) / 1000000 ))
  read -r gap_ms theirs < <(printf 'G:=Group(%s);; t:=Runtime();; cc:=ConjugacyClassesSubgroups(G);; Print(Runtime()-t, " ", Length(cc), "\\n");; QUIT;\n' "$gens" | gap -q -o 4g 2>/dev/null | tail -1)
  ratio=$(python3 -c "print(f'{max($ms,1)/max($gap_ms,1):.3f}')")
  printf "%-10s %8s %8s %10s %10s %10s %8s\n" "$g" "$ours" "$theirs" "$ms" "$gap_ms" "$wall" "$ratio"
  logsum=$(python3 -c "import math;print($logsum+math.log(max($ms,1)/max($gap_ms,1)))"); n=$((n+1))
done
python3 -c "import math;print(f'geometric mean ratio (plrep/GAP): {math.exp($logsum/$n):.3f} over $n groups')"
