#!/usr/bin/env bash
# Side-by-side timing of character tables: plrep (whole process, release build) against
# GAP 4.12's Irr(Group(gens)) (GAP's own timer), on the benchmark groups in
# tests/data/bench. Optional: needs `gap` on PATH (apt-get install gap); never run in CI.
# Usage: benches/gap_compare.sh [GROUP...]   (names of files in tests/data/bench, or
# S<n>/A<n>: plrep's combinatorial table against GAP's Irr(SymmetricGroup(n)) /
# Irr(AlternatingGroup(n)); for n > 20 GAP's generic table, Irr(CharacterTable("Symmetric",
# n)) / "Alternating", against plrep's large table, e.g. S25 S30 A30; M23/M24: plrep's
# route without enumeration, docs/theory.md §17, against Irr(CharacterTable(MathieuGroup(n))))
# `benches/gap_compare.sh --subgroups [GROUP...]`: subgroup classes instead
# (benches/gap_compare_subgroups.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --subgroups ]; then shift; exec benches/gap_compare_subgroups.sh "$@"; fi
cargo build --release -q
bin=target/release/plrep
groups=("$@")
if [ ${#groups[@]} -eq 0 ]; then
  for f in tests/data/bench/*.json; do groups+=("$(basename "$f" .json)"); done
fi
printf "%-12s %10s %10s %8s\n" group plrep_ms gap_ms ratio
logsum=0; n=0
for g in "${groups[@]}"; do
  f=tests/data/bench/$g.json
  if [ ! -f "$f" ] && [[ "$g" =~ ^M(2[34])$ ]]; then
    gap_group="CharacterTable(MathieuGroup(${BASH_REMATCH[1]}))"
    target=$g
  elif [ ! -f "$f" ] && [[ "$g" =~ ^([SA])([0-9]+)$ ]]; then
    if [ "${BASH_REMATCH[1]}" = S ]; then gap_group="SymmetricGroup(${BASH_REMATCH[2]})"; else gap_group="AlternatingGroup(${BASH_REMATCH[2]})"; fi
    if [ "${BASH_REMATCH[2]}" -gt 20 ]; then
      if [ "${BASH_REMATCH[1]}" = S ]; then kind=Symmetric; else kind=Alternating; fi
      gap_group="CharacterTable(\"$kind\", ${BASH_REMATCH[2]})"
    fi
    target=$g
  else
    gap_group="Group($(python3 -c "import json,sys;print(','.join(json.load(open('$f'))['generators']))"))"
    target=$f
  fi
  start=$(date +%s%N)
  "$bin" table "$target" --format json --max-order 10000000 --max-classes 6000 > /dev/null
  end=$(date +%s%N)
  ours=$(( (end - start) / 1000000 ))
  gap_ms=$(printf 't:=Runtime();; G:=%s;; Irr(G);; Print(Runtime()-t, "\\n");; QUIT;\n' "$gap_group" | gap -q -o 4g 2>/dev/null | tail -1 | tr -d '[:space:]')
  ratio=$(python3 -c "print(f'{max($ours,1)/max($gap_ms,1):.3f}')")
  printf "%-12s %10s %10s %8s\n" "$g" "$ours" "$gap_ms" "$ratio"
  logsum=$(python3 -c "import math;print($logsum+math.log(max($ours,1)/max($gap_ms,1)))"); n=$((n+1))
done
python3 -c "import math;print(f'geometric mean ratio (plrep/GAP): {math.exp($logsum/$n):.3f} over $n groups')"
