#!/usr/bin/env bash
# In-JVM time to load the embedded network (CSV + WKT parsing vs NetworkBuilder.build), cold round first, with
# the CLI's class path and JVM flags (docs/PERFORMANCE.md, "Start-up"). Usage: bench/netload.sh [rounds=5]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/caravan" --help >/dev/null   # builds the jar if needed
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$here/cli/target/caravan-cli.jar:$here/cli/target/lib/*" \
  "$here/bench/NetLoad.java" "${1:-5}"
