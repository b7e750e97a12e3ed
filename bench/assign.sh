#!/usr/bin/env bash
# Assignment benchmark: Chicago Sketch (TNTP) solved by FW, CFW and BFW to a relative gap of 1e-4 on 1 thread and on
# all cores (iterations, median seconds per iteration), and one all-or-nothing load with JGraphT's Dijkstra as the
# reference in the same process. PASS/MISS: BFW at most 1 s per iteration. See docs/PERFORMANCE.md "Assignment".
#
# Usage: bench/assign.sh [TNTP_DIR=../shared/data/tntp] [GAP=1e-4]
# The TNTP files are not redistributable and are not in the repository; point TNTP_DIR at a copy of
# bstabler/TransportationNetworks (a directory holding ChicagoSketch/). About a minute on 2 quiet cores.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/caravan-bench.jar"
out="$here/results"
log="$out/assign-latest.log"
name="assign.sh"
# shellcheck source=build-jar.sh
. "$here/build-jar.sh"
build_bench_jar

tntp="${1:-$root/../shared/data/tntp}"
gap="${2:-1e-4}"
mkdir -p "$out"
echo "assign.sh: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1)" | tee "$log"
status=0
java -cp "$jar" org.caravan.bench.AssignmentBenchmark "$tntp" "$gap" 2>&1 | tee -a "$log" || status=$?
if awk -v l="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)" 'BEGIN { exit !(l + 0 > 2.5) }'; then
  echo "assign.sh: WARNING: the load average is high ($(cut -d' ' -f1-3 /proc/loadavg)); other work was competing" \
       "for the CPU, so the absolute times are inflated" | tee -a "$log" >&2
fi
echo "assign.sh: output in ${log#$root/}"
exit "$status"
