#!/usr/bin/env bash
# Memory of `caravan serve` after a burst of expensive Pareto requests (docs/RELIABILITY.md, "Memory"): starts the
# server on a free loopback port with a temporary data directory and native memory tracking, runs bench/rss.py
# (warm-up, start RSS, a burst of BURST Pareto requests, all eventually computed, then up to SETTLE s idle) and
# prints RSS start / peak / end as ratios and the JVM's committed memory by category before and after.
#
# Usage: bench/rss.sh [BURST=200] [SETTLE=60]       Exit 0 when end/start <= 1.20, 1 when missed, 2 on setup.
# Extra JVM options: CARAVAN_JAVA_OPTS (added after the launcher's serve options), e.g. to compare settings.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
burst="${1:-200}"
settle="${2:-60}"
[[ "$burst" =~ ^[0-9]+$ && "$burst" -ge 1 && "$burst" -le 1000 ]] || { echo "rss.sh: BURST 1..1000" >&2; exit 2; }
[[ "$settle" =~ ^[0-9]+$ ]] || { echo "rss.sh: SETTLE in seconds" >&2; exit 2; }
# shellcheck source=server-lib.sh
. "$here/bench/server-lib.sh"
port="$(free_port)"
data="$(mktemp -d)"
log="$(mktemp)"
out="$(mktemp)"
server_pid=""
cleanup() {
  stop_server "$server_pid"
  rm -rf "$data" "$log" "$out"
}
trap cleanup EXIT INT TERM
CARAVAN_JAVA_OPTS="-XX:NativeMemoryTracking=summary ${CARAVAN_JAVA_OPTS:-}" \
  "$here/caravan" serve --host 127.0.0.1 --port "$port" --data-dir "$data" >"$log" 2>&1 &
server_pid=$!  # the launcher execs java
for i in $(seq 1 600); do
  python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=2)" \
    "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; echo "rss.sh: the server exited" >&2; exit 2; }
  [ "$i" = 600 ] && { cat "$log" >&2; echo "rss.sh: the server did not answer" >&2; exit 2; }
  sleep 0.5
done
timeout 1800 python3 "$here/bench/rss.py" "$port" "$server_pid" "$burst" "$settle" | tee "$out"
grep -q '^RATIO' "$out" || { tail -20 "$log" >&2; echo "rss.sh: rss.py printed no result" >&2; exit 2; }
python3 - "$out" <<'PY' || exit 1
import re, sys
r = float(re.search(r"rss_end/start=([0-9.]+)", open(sys.argv[1]).read()).group(1))
sys.exit(0 if r <= 1.2 else 1)
PY
