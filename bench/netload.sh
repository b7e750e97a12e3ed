#!/usr/bin/env bash
# In-JVM time to load the embedded network, CSV path (CSV + WKT parsing, NetworkBuilder checks) against the binary
# form (docs/NETWORK-FORMAT.md, "Binary form"), with the CLI's class path and JVM flags (docs/PERFORMANCE.md,
# "Start-up"). Cold: one load per fresh JVM (what a CLI command pays: class loading, interpreted code), COLD_JVMS
# JVMs per path, alternating. Warm: one JVM loading both ways alternately for ROUNDS rounds (medians of rounds >= 2).
# Prints the medians and the ratio CSV / binary of both. Usage: bench/netload.sh [rounds=7] [cold_jvms=5]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-7}"
cold="${2:-5}"
"$here/caravan" --help >/dev/null   # builds the jar (and core's network.bin) if needed
cp="$here/cli/target/caravan-cli.jar:$here/cli/target/lib/*"
run() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$cp" "$here/bench/NetLoad.java" "$@"; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "nan"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

echo "== cold: one load per JVM, $cold JVMs per path =="
csv_cold=(); bin_cold=()
for ((i = 0; i < cold; i++)); do
  b="$(run 1 binary | awk '$2 == "binary" {print $3}')"
  c="$(run 1 csv | awk '$2 == "csv" {print $3}')"
  echo "jvm $i: binary $b ms, csv $c ms"
  bin_cold+=("$b"); csv_cold+=("$c")
done
bc="$(printf '%s\n' "${bin_cold[@]}" | median)"
cc="$(printf '%s\n' "${csv_cold[@]}" | median)"

echo "== warm: one JVM, $rounds rounds, both paths alternately =="
out="$(run "$rounds")"
echo "$out"
bw="$(echo "$out" | awk '$2 == "binary" && $1 >= 2 {print $3}' | median)"
cw="$(echo "$out" | awk '$2 == "csv" && $1 >= 2 {print $3}' | median)"

echo "== summary (median ms; ratio = csv / binary) =="
awk -v bc="$bc" -v cc="$cc" -v bw="$bw" -v cw="$cw" 'BEGIN {
  printf "cold  binary %8.1f  csv %8.1f  ratio %5.1f\n", bc, cc, cc / bc
  printf "warm  binary %8.1f  csv %8.1f  ratio %5.1f\n", bw, cw, cw / bw }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
