#!/usr/bin/env python3
"""The sweep of theory.md §31.2: `plrep graph G --certify` on every `SG<n>_<i>` of order
n <= 50 times `C_(floor(1000/n))` (257 groups, orders 500 to 1000), two binaries run one
after the other on each group (the baseline first), outputs compared byte for byte.

Usage: benches/sweep_1000.py BASELINE [NEW] [--limit N]
  BASELINE, NEW: plrep binaries (NEW defaults to target/release/plrep).
  --limit N: the first N groups only.

Prints one line per group (wall s, CPU s, peak MB for each binary) and a summary: the
groups at 1 s or more, the slowest, and the geometric mean of the ratios new/old over
the groups where the baseline took 0.3 s or more. Wall times are not asserted anywhere:
they are this machine's, reported as ratios against a baseline run in the same hour.
"""
import json
import math
import os
import subprocess
import sys
import tempfile


def run(binary, group):
    """Wall seconds, CPU seconds, peak MB, exit code and stdout of one certified graph."""
    with tempfile.NamedTemporaryFile() as t:
        p = subprocess.run(
            ["/usr/bin/time", "-f", "%e %U %S %M", "-o", t.name, binary, "graph", group, "--certify"],
            capture_output=True,
        )
        e, u, s, m = open(t.name).read().split()[-4:]
    return float(e), float(u) + float(s), int(m) // 1024, p.returncode, p.stdout


def main():
    args = sys.argv[1:]
    limit = None
    if "--limit" in args:
        i = args.index("--limit")
        limit = int(args[i + 1])
        del args[i : i + 2]
    if not args:
        sys.exit(__doc__)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    old = args[0]
    new = args[1] if len(args) > 1 else os.path.join(root, "target/release/plrep")
    groups = []
    for g in json.load(open(os.path.join(root, "data/smallgroups.json"))):
        n, i = g["id"]
        if n <= 50 and 1000 // n >= 2:
            groups.append(f"SG{n}_{i}xC{1000 // n}")
    groups = groups[:limit]
    rows = []
    for g in groups:
        a = run(old, g)
        b = run(new, g)
        same = a[3] == b[3] and a[4] == b[4]
        rows.append((g, a, b, same))
        print(f"{g:16} old {a[0]:5.2f} s {a[1]:5.2f} cpu {a[2]:4} MB | new {b[0]:5.2f} s {b[1]:5.2f} cpu {b[2]:4} MB | {'same' if same else 'DIFFERENT'}", flush=True)
    for k, name in ((0, "wall"), (1, "cpu")):
        r = [b[k] / a[k] for _, a, b, _ in rows if a[k] >= 0.3]
        if r:
            gm = math.exp(sum(map(math.log, r)) / len(r))
            print(f"{name}: geometric mean ratio new/old {gm:.2f} over {len(r)} groups (range {min(r):.2f}-{max(r):.2f})")
    for label, k in (("old", 1), ("new", 2)):
        slow = max(rows, key=lambda x: x[k][0])
        print(f"{label}: {sum(x[k][0] >= 1.0 for x in rows)} groups at 1 s or more; slowest {slow[0]} {slow[k][0]:.2f} s; peak {max(x[k][2] for x in rows)} MB")
    differ = [g for g, _, _, s in rows if not s]
    print("outputs: all the same" if not differ else f"outputs DIFFER: {' '.join(differ)}")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
