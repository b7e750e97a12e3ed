#!/usr/bin/env bash
# Trade store benchmark: generates (or reuses) a Comtrade-shaped CSV of ROWS rows, imports it with Caravan's
# ComtradeImporter into a fresh DuckDB store (rows/s, MB/s, peak heap), loads the same file with DuckDB's own
# read_csv as the reference in the same process (time ratio), re-imports it (idempotence path), then times the
# series, top, partners and mirror queries on the full store (median and max of 10 calls after 3 warm-up calls,
# PASS/FAIL against 1 s). See org.caravan.bench.TradeBenchmark and docs/PERFORMANCE.md "Trade store".
#
# Usage: bench/trade.sh [ROWS=10000000] [WORK_DIR=bench/results/trade-work] [SEED=42] [--clean]
#        bench/trade.sh 200000          a quick smoke run (under a minute)
#   --clean          delete the generated file and the stores at the end (10M rows: 2.3 GB of CSV, ~250 MB store)
#   TRADE_BENCH_XMX  heap limit (default 4g; the importer streams the file, its heap stays in the low hundreds of MB)
# Writes the output to bench/results/trade-latest.log as well. 10 million rows: about 3 minutes on 2 quiet cores
# (file ~15-20 s the first time, then import, reference and re-import about 1 minute each, queries a few seconds),
# twice that when other work shares the cores; needs ~3 GB of disk.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/caravan-bench.jar"
out="$here/results"
log="$out/trade-latest.log"

name="trade.sh"
# shellcheck source=build-jar.sh
. "$here/build-jar.sh"
build_bench_jar

mkdir -p "$out"
# Relative work directories are taken from the repository root, as the default is.
cd "$root"
echo "trade.sh: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1)" | tee "$log"
status=0
java "-Xmx${TRADE_BENCH_XMX:-4g}" -cp "$jar" org.caravan.bench.TradeBenchmark "$@" 2>&1 | tee -a "$log" \
  || status=$?
# Other work on the machine (builds, tests) lengthens every figure; the ratio to DuckDB's own load, measured in
# the same process, is the robust one.
if awk -v l="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)" 'BEGIN { exit !(l + 0 > 2.5) }'; then
  echo "trade.sh: WARNING: the load average is high ($(cut -d' ' -f1-3 /proc/loadavg)); other work was competing" \
       "for the CPU, so the absolute times are inflated" | tee -a "$log" >&2
fi
echo "trade.sh: output in ${log#$root/}"
exit "$status"
