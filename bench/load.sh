#!/usr/bin/env bash
# HTTP API load test: starts `./caravan serve` on a free loopback port, waits for /api/health, warms up, then
# sends route queries (eight origin-destination pairs in turn) for DURATION seconds with wrk (bench/routes.lua),
# or with bench/load.py (Python standard library) where wrk is absent and cannot be installed. Prints requests/s
# and p50/p99 latency, stops the server and writes the figures to docs/PERFORMANCE.md under "## HTTP API load".
#
# Usage: bench/load.sh [DURATION_S=20] [CONNECTIONS=8]
#   CARAVAN_LOAD_QUERY   extra query parameters (default "&cargo=container"; e.g. "&alternatives=3")
#   CARAVAN_LOAD_TOOL    force "wrk" or "python"
#   CARAVAN_LOAD_NO_DOC  set to 1 to leave docs/PERFORMANCE.md alone
# Loopback only; bounded in time (warm-up 5 s + DURATION_S); the server is stopped on exit, whatever happens.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration="${1:-20}"
connections="${2:-8}"
warmup=5
[[ "$duration" =~ ^[0-9]+$ && "$duration" -ge 1 && "$duration" -le 300 ]] || { echo "load.sh: DURATION_S 1..300" >&2; exit 2; }
[[ "$connections" =~ ^[0-9]+$ && "$connections" -ge 1 && "$connections" -le 64 ]] || { echo "load.sh: CONNECTIONS 1..64" >&2; exit 2; }
export CARAVAN_LOAD_QUERY="${CARAVAN_LOAD_QUERY:-&cargo=container}"

# --- the load tool: wrk if present (installed from Debian when possible), else the Python fallback
tool="${CARAVAN_LOAD_TOOL:-}"
if [ -z "$tool" ]; then
  if ! command -v wrk >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "load.sh: installing wrk (apt-get)..." >&2
    (apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q wrk >/dev/null 2>&1; }) || true
  fi
  if command -v wrk >/dev/null 2>&1; then tool=wrk; else tool=python; fi
fi
if [ "$tool" = python ] && ! command -v python3 >/dev/null 2>&1; then
  echo "load.sh: neither wrk nor python3 is available" >&2; exit 2
fi

# --- a free loopback port
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)))"
base="http://127.0.0.1:$port"

log="$(mktemp)"
out="$(mktemp)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  rm -f "$log" "$out"
}
trap cleanup EXIT INT TERM

echo "load.sh: starting caravan serve on $base (builds first if sources changed)..." >&2
"$here/caravan" serve --host 127.0.0.1 --port "$port" >"$log" 2>&1 &
server_pid=$!

health() {
  if command -v curl >/dev/null 2>&1; then curl -fsS -m 2 "$base/api/health" >/dev/null 2>&1
  else python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=2)" "$base/api/health" >/dev/null 2>&1
  fi
}
for i in $(seq 1 600); do   # up to 5 minutes: the first run may build the project
  health && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; echo "load.sh: the server exited" >&2; exit 1; }
  [ "$i" = 600 ] && { cat "$log" >&2; echo "load.sh: the server did not answer /api/health" >&2; exit 1; }
  sleep 0.5
done

run() { # seconds
  if [ "$tool" = wrk ]; then
    wrk -t 2 -c "$connections" -d "${1}s" --timeout 30s -s "$here/bench/routes.lua" "$base"
  else
    python3 "$here/bench/load.py" "$base" "$1" "$connections"
  fi
}
echo "load.sh: warming up for ${warmup} s..." >&2
run "$warmup" >/dev/null
loadavg="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
echo "load.sh: measuring for ${duration} s with $tool, $connections connections..." >&2
run "$duration" >"$out"
cat "$out"
get() { sed -n "s/^RESULT $1=//p" "$out" | tail -1; }
rps="$(get rps)"; p50="$(get p50_ms)"; p99="$(get p99_ms)"; maxms="$(get max_ms)"; requests="$(get requests)"; errors="$(get errors)"
[ -n "$rps" ] || { echo "load.sh: the load tool printed no result" >&2; exit 1; }
echo "HTTP API load: $rps requests/s, p50 $p50 ms, p99 $p99 ms, max $maxms ms, $requests requests, $errors errors"

[ "${CARAVAN_LOAD_NO_DOC:-0}" = 1 ] && exit 0

# --- docs/PERFORMANCE.md: replace (or add) the self-contained "## HTTP API load" section, leave the rest alone
doc="$here/docs/PERFORMANCE.md"
section="$(mktemp)"
java_version="$(java -version 2>&1 | head -1)"
if [ "$tool" = wrk ]; then tool_version="$(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2 || true)"
else tool_version="bench/load.py on $(python3 --version 2>&1)"; fi
cat >"$section" <<MD
## HTTP API load

Measured by \`bench/load.sh\` on $(date -u +%Y-%m-%d) (UTC): \`caravan serve\` on the loopback interface, route
queries \`GET /api/route?from=A&to=B${CARAVAN_LOAD_QUERY}\` cycling over eight origin-destination pairs (Almaty-Karachi,
Tashkent-Bandar Abbas, Kostanay-Bandar Abbas, Bishkek-Istanbul, Termez-Peshawar, Dushanbe-Karachi, Urumqi-Tehran,
Khorgos-Mersin; one route each, with the Monte Carlo reliability of the route at its default sample count),
${connections} concurrent connections, ${warmup} s warm-up then ${duration} s measured.

| figure | value |
| --- | --- |
| requests/s | ${rps} |
| latency p50 | ${p50} ms |
| latency p99 | ${p99} ms |
| latency max | ${maxms} ms |
| requests (errors) | ${requests} (${errors}) |

Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo 2>/dev/null), ${java_version};
load tool: ${tool_version}, running on the same cores as the server (so the figures are a lower bound), default
JVM options of \`caravan serve\`. Load average (1, 5, 15 min) just before the measurement: ${loadavg}; other
processes on the machine lower the figures. Re-run: \`bench/load.sh [seconds]
[connections]\`; \`CARAVAN_LOAD_QUERY='&alternatives=3' bench/load.sh\` measures the web app's default query.
MD
if [ -f "$doc" ]; then
  # Drop an existing "## HTTP API load" section (up to the next "## " heading) and append the new one.
  awk 'BEGIN{skip=0} /^## /{skip = ($0 ~ /^## HTTP API load[[:space:]]*$/)} !skip' "$doc" >"$doc.tmp"
  # Keep exactly one blank line between the rest and the new section.
  sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$doc.tmp" >"$doc.tmp2" && mv "$doc.tmp2" "$doc.tmp"
  { cat "$doc.tmp"; echo; cat "$section"; } >"$doc"
  rm -f "$doc.tmp"
else
  { echo "# Performance"; echo; cat "$section"; } >"$doc"
fi
rm -f "$section"
echo "load.sh: wrote the figures to docs/PERFORMANCE.md" >&2
