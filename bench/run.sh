#!/usr/bin/env bash
# Runs the JMH benchmarks of the router on the embedded network and prints a summary against the project's
# targets (Pareto p50 < 5 ms, single-objective p50 < 1 ms, criticality < 2 s), with JGraphT's Dijkstra on the
# same least-cost question, and the criticality brute force, in the same run, as the references.
#
# Usage: bench/run.sh [JMH regex or options...]   e.g. bench/run.sh RouteBenchmark
#        bench/run.sh --per-pair    one corridor pair at a time (Pareto, single-objective and JGraphT), to see
#                                   which corridors meet the targets: the default run mixes all pairs round robin
# Writes bench/results/latest.json (JMH JSON) and bench/results/latest.log (JMH's full output), or
# per-pair.json and per-pair.log with --per-pair.
# Runs offline once the dependencies are in the local Maven repository. About 3 minutes (7 benchmarks x
# (3 x 2 s warm-up + 5 x 2 s measurement), one fork, one thread: sized for 2 cores), under 4 with --per-pair;
# the JMH run is cut off at 290 s whatever happens (plus a build, when one is needed).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/caravan-bench.jar"
out="$here/results"
json="$out/latest.json"
log="$out/latest.log"
# One fork, one thread, short iterations: a 2-core machine cannot give a forked JVM a quiet second core anyway.
jmh_args=(-f 1 -wi 3 -w 2s -i 5 -r 2s -t 1)
if [ "${1:-}" = "--per-pair" ]; then
  shift
  json="$out/per-pair.json"
  log="$out/per-pair.log"
  # 3 benchmarks x 8 pairs, a fork each: shorter iterations keep it under 4 minutes.
  jmh_args=(-f 1 -wi 2 -w 1s -i 3 -r 1s -t 1 -p pair=0,1,2,3,4,5,6,7
            'ParetoBenchmark|RouteBenchmark.singleObjective|RouteBenchmark.jgraphtCost')
fi

name="bench"
# shellcheck source=build-jar.sh
. "$here/build-jar.sh"
build_bench_jar

mkdir -p "$out"
echo "bench: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1)"
# Other work on the machine (a build, a test run) skews every figure: say so rather than print quiet-looking numbers.
load_before="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')"
echo "bench: load average before the run: $load_before"
echo "bench: running JMH (about 2-4 minutes; full output in ${log#$root/})"
# `timeout` bounds the run whatever the arguments; the percentiles come from SampleTime mode.
status=0
timeout 290 java -jar "$jar" "${jmh_args[@]}" -rf json -rff "$json" "$@" >"$log" 2>&1 || status=$?
# The setup lines (network size, per-pair checks and Pareto sizes), once each.
grep -oE '# (network|pareto |criticality|[A-Z]{5} -> ).*' "$log" | awk '!seen[$0]++' || true
if [ "$status" -ne 0 ]; then
  tail -40 "$log" >&2
  echo "bench: JMH failed (exit $status); see ${log#$root/}" >&2
  exit "$status"
fi

summary_py='
import json, sys
UNIT = {"ns/op": 1e6, "us/op": 1e3, "ms/op": 1.0, "s/op": 1e-3}
rows = {}
for r in json.load(open(sys.argv[1])):
    name = ".".join(r["benchmark"].split(".")[-2:])
    pair = r.get("params", {}).get("pair", "all")
    rows[name if pair == "all" else "%s[pair=%s]" % (name, pair)] = r["primaryMetric"]
def ms(m, p): return m["scorePercentiles"][p] / UNIT[m["scoreUnit"]]
targets = {"ParetoBenchmark.pareto": 5.0, "RouteBenchmark.singleObjective": 1.0, "RouteBenchmark.time": 1.0,
           "CriticalityBenchmark.ranked": 2000.0}
print()
print("%-42s %9s %9s %9s %8s  %s" % ("benchmark", "p50 ms", "p99 ms", "mean ms", "samples", "target (p50)"))
for name in sorted(rows):
    m = rows[name]
    samples = sum(c for fork in m.get("rawDataHistogram", []) for it in fork for _, c in it)
    t = targets.get(name)
    verdict = "" if t is None else "< %g ms: %s" % (t, "PASS" if ms(m, "50.0") < t else "MISS")
    print("%-42s %9.3f %9.3f %9.3f %8d  %s" % (name, ms(m, "50.0"), ms(m, "99.0"), m["score"] / UNIT[m["scoreUnit"]],
                                              samples, verdict))
print()
for suffix in [""] + ["[pair=%d]" % i for i in range(8)]:
    c, j = rows.get("RouteBenchmark.singleObjective" + suffix), rows.get("RouteBenchmark.jgraphtCost" + suffix)
    if c and j:
        print("single-objective (cost)%s JGraphT / Caravan time ratio: p50 %.2fx, p99 %.2fx, mean %.2fx"
              "  (above 1: Caravan faster)" % (suffix, ms(j, "50.0") / ms(c, "50.0"), ms(j, "99.0") / ms(c, "99.0"),
                                              j["score"] / c["score"]))
f, b = rows.get("CriticalityBenchmark.ranked"), rows.get("CriticalityBenchmark.bruteForce")
if f and b:
    print("criticality brute force / ranked time ratio (means): %.1fx" % (b["score"] / f["score"]))
d, a, j = (rows.get("CompactGraphBenchmark." + x) for x in ("dijkstra", "alt", "jgraphtDijkstra"))
if d and j:
    print("compact graph: JGraphT Dijkstra / Caravan Dijkstra (means): %.2fx (target >= 3)" % (j["score"] / d["score"]))
if d and a:
    print("compact graph: Caravan Dijkstra / ALT (means): %.2fx (target >= 10)" % (d["score"] / a["score"]))
'
if command -v python3 >/dev/null 2>&1; then
  python3 -c "$summary_py" "$json"
elif command -v jq >/dev/null 2>&1; then
  echo
  jq -r '.[] | [(.benchmark | split(".") | .[-2:] | join(".")),
      (.primaryMetric.scorePercentiles["50.0"] / 1000 | tostring), (.primaryMetric.scorePercentiles["99.0"] / 1000 | tostring)]
      | "\(.[0])  p50 \(.[1]) ms  p99 \(.[2]) ms"' "$json"
else
  echo "bench: neither python3 nor jq found; the results are in ${json#$root/}" >&2
fi
echo
load_after="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo "bench: load average after the run (1, 5, 15 min): $load_after; the benchmark itself keeps about 1 core busy"
if awk -v l="${load_after%% *}" 'BEGIN { exit !(l + 0 > 1.5) }'; then
  echo "bench: WARNING: something else was using the CPU during the run; the figures are noisy, run again when idle" >&2
fi
echo "bench: JSON in ${json#$root/}"
