#!/usr/bin/env bash
# Web map layer sizes and timings (docs/PERFORMANCE.md, "Web map: bbox"): starts `./caravan serve` on a free
# loopback port, runs bench/maplayer.py against it (every zoom band and shape, whole and with the bbox of a
# 1400x1000 view on Tashkent; client and server-logged times) and stops the server. Prints a Markdown table.
# Usage: bench/maplayer.sh [ROUNDS=20]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-20}"
[[ "$rounds" =~ ^[0-9]+$ && "$rounds" -ge 2 && "$rounds" -le 500 ]] || { echo "maplayer.sh: ROUNDS 2..500" >&2; exit 2; }
# shellcheck source=bench/server-lib.sh
. "$here/bench/server-lib.sh"
port="$(free_port)"
base="http://127.0.0.1:$port"
log="$(mktemp)"
server_pid=""
cleanup() { stop_server "$server_pid"; rm -f "$log"; }
trap cleanup EXIT INT TERM
"$here/caravan" serve --host 127.0.0.1 --port "$port" >"$log" 2>&1 &
server_pid=$!
for i in $(seq 1 600); do
  curl -fsS -m 2 "$base/api/health" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; echo "maplayer.sh: the server exited" >&2; exit 1; }
  [ "$i" = 600 ] && { echo "maplayer.sh: no answer from /api/health" >&2; exit 1; }
  sleep 0.5
done
echo "maplayer.sh: $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(java -version 2>&1 | head -1)"
python3 "$here/bench/maplayer.py" "$base" "$log" "$rounds"
echo "maplayer.sh: load average after $(cut -d' ' -f1-3 /proc/loadavg)"
