#!/usr/bin/env bash
# Start-up benchmark of the CLI (docs/PERFORMANCE.md, "Start-up"): N rounds; in each round every variant runs once,
# in the same order, so contention from other work on the machine hits all of them alike. Prints per variant the
# median and p90 wall time (seconds, process start to exit, JVM start included) and the median as a ratio to
# `java -version` measured in the same rounds (the floor any Java command pays on this machine).
# Usage: bench/startup.sh [rounds=15]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-15}"
cv="$here/caravan"
"$cv" --help >/dev/null   # builds the jar and the CDS archive if needed, outside the timed runs

variants=(
  "java -version|java -version"
  "help|$cv --help"
  "route|$cv route Almaty Karachi"
  "route, no CDS|CARAVAN_CDS=0 $cv route Almaty Karachi"
  "route, CSV net|CARAVAN_JAVA_OPTS=-Dcaravan.network.binary=false $cv route Almaty Karachi"
  "route geojson|$cv route Almaty Karachi --format=geojson"
  "network info|$cv network info"
)
out="$(mktemp)"
for ((r = 0; r < rounds; r++)); do
  for v in "${variants[@]}"; do
    name="${v%%|*}" cmd="${v#*|}"
    s=$(date +%s%N)
    env bash -c "$cmd" >/dev/null 2>&1 || { echo "failed: $cmd" >&2; exit 1; }
    e=$(date +%s%N)
    echo "$name|$(( (e - s) / 1000000 ))" >>"$out"
  done
done
python3 - "$out" "$rounds" <<'PY'
import sys, statistics
rows = [l.rstrip("\n").split("|") for l in open(sys.argv[1])]
by = {}
for n, ms in rows: by.setdefault(n, []).append(int(ms) / 1000)
def p90(xs):
    xs = sorted(xs); return xs[min(len(xs) - 1, int(round(0.9 * (len(xs) - 1))))]
ref = statistics.median(by["java -version"])
print(f"{sys.argv[2]} rounds; wall seconds; ratio = median / median of java -version ({ref:.3f} s)")
print(f"{'variant':16} {'median':>7} {'p90':>7} {'ratio':>6}")
for n, xs in by.items():
    m = statistics.median(xs)
    print(f"{n:16} {m:7.3f} {p90(xs):7.3f} {m / ref:6.1f}")
PY
rm -f "$out"
