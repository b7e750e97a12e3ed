#!/usr/bin/env bash
# Hostile-client run against a fresh `caravan serve` (docs/RELIABILITY.md): starts the server on a free loopback
# port with a temporary data directory, runs bench/abuse.py (Python standard library: a bad-input matrix over every
# path of /openapi.json, 300 slow clients, an oversized and a truncated body, and a burst of BURST expensive Pareto
# requests with /api/health and a single route probed during it), stops the server and prints the figures:
# requests tried, JSON 4xx, 5xx, load-shedding 503s, non-JSON answers, health p99 during the burst, RSS before/after.
#
# Usage: bench/abuse.sh [BURST=200]
# Loopback only, installs nothing, bounded in time (the whole run is stopped after 15 minutes; the first run may
# build the project first). Exit status 0 when every target is met, 1 when one is missed, 2 on a setup problem.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
burst="${1:-200}"
[[ "$burst" =~ ^[0-9]+$ && "$burst" -ge 1 && "$burst" -le 1000 ]] || { echo "abuse.sh: BURST 1..1000" >&2; exit 2; }
command -v python3 >/dev/null 2>&1 || { echo "abuse.sh: python3 is needed" >&2; exit 2; }

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

echo "abuse.sh: starting caravan serve on 127.0.0.1:$port (builds first if sources changed)..." >&2
"$here/caravan" serve --host 127.0.0.1 --port "$port" --data-dir "$data" >"$log" 2>&1 &
launcher=$!
for i in $(seq 1 600); do
  python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=2)" \
    "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
  kill -0 "$launcher" 2>/dev/null || { cat "$log" >&2; echo "abuse.sh: the server exited" >&2; exit 2; }
  [ "$i" = 600 ] && { cat "$log" >&2; echo "abuse.sh: the server did not answer" >&2; exit 2; }
  sleep 0.5
done
# The launcher execs java: its pid is the server's.
server_pid="$launcher"

echo "abuse.sh: running the abuse (burst of $burst)..." >&2
timeout 900 python3 "$here/bench/abuse.py" "$port" "$server_pid" "$burst" | tee "$out" >&2 || true
get() { grep -o "$1=[^ ]*" "$out" | tail -1 | cut -d= -f2-; }
tried="$(get tried)"; json4="$(get json_4xx)"; e5="$(get errors_5xx)"; shed="$(get shed_503)"; nj="$(get non_json)"
none="$(get no_answer)"; hp99="$(get health_p99_ms)"; sp99="$(get single_p99_ms)"; r0="$(get rss_start_mb)"
r1="$(get rss_end_mb)"; rb="$(get rss_burst_mb)"; codes="$(get burst_codes)"
[ -n "$tried" ] || { tail -20 "$log" >&2; echo "abuse.sh: abuse.py printed no result" >&2; exit 2; }
five_xx_in_log="$(grep -c -- '-> 5[0-9][0-9]' "$log" || true)"
echo
echo "requests tried:            $tried"
echo "JSON 4xx:                  $json4"
echo "5xx (faults):              $e5   (target 0; 503 with Retry-After from full lanes counted apart: $shed)"
echo "505 unknown HTTP version:  $(get protocol_505)   (Jetty's protocol answer to 'HTTP/9.9', JSON shape)"
echo "non-JSON answers:          $nj   (target 0)"
echo "no answer:                 $none"
echo "burst statuses:            $(grep -o 'burst_codes=.*' "$out" | tail -1 | cut -d= -f2-)"
echo "health p99 during burst:   ${hp99} ms   (target < 1000 ms)"
echo "single route p99 (burst):  ${sp99} ms"
echo "RSS start / burst / end:   ${r0} / ${rb} / ${r1} MB   (target: end within 20 % of start)"
echo "server log lines -> 5xx:   $five_xx_in_log"
grep '^EXAMPLE' "$out" || true
ok=1
[ "$e5" = 0 ] || ok=0
[ "$nj" = 0 ] || ok=0
python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < 1000 else 1)" "$hp99" || ok=0
python3 -c "import sys; sys.exit(0 if float(sys.argv[2]) <= 1.2 * float(sys.argv[1]) else 1)" "$r0" "$r1" || ok=0
if [ "$ok" = 1 ]; then echo "PASS: every target met"; else echo "MISS: a target was missed"; exit 1; fi
