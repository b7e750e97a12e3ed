#!/usr/bin/env bash
# The shaded jar as a cluster runs it: spark-submit's main class (org.apache.spark.deploy.SparkSubmit) on local[2],
# on a classpath of Spark's jars only (no Caravan module, DuckDB, picocli or SnakeYAML outside the jar), for the
# sweep (with route options), critical and trade jobs; then the sweep's Parquet rows against the CSV of
# './caravan scenario run' with the same options. No Spark distribution is needed (docs/SPARK.md, "Tried here").
#
# Usage: bench/spark-submit-local.sh [OUT_DIR]      (default a new temporary directory)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
mvn -B -o -q -pl spark -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=provided \
  -Dmdep.outputFile="$out/cp.txt" >/dev/null
tr ':' '\n' < "$out/cp.txt" | grep -v 'caravan-\|duckdb\|picocli\|snakeyaml' | paste -sd: > "$out/sparkjars.txt"
echo "jar: $(du -h spark/target/caravan-spark.jar | cut -f1), DuckDB entries: $(unzip -l spark/target/caravan-spark.jar | grep -ci duckdb || true)"
# the --add-opens list spark-submit's launcher adds on Java 17 (spark/pom.xml, spark.module.options)
opens=$(sed -n '/<spark.module.options>/,/<\/spark.module.options>/p' spark/pom.xml | sed 's/<[^>]*>//g' | tr -s ' \n' ' ')
conf=(--conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1)
submit() {
  # shellcheck disable=SC2086
  java $opens -cp "$(cat "$out/sparkjars.txt")" org.apache.spark.deploy.SparkSubmit --master 'local[2]' "${conf[@]}" \
    --class org.caravan.spark.CaravanSpark spark/target/caravan-spark.jar "$@" 2>"$out/last-stderr.log"
}
options=(--avoid IR --objective time --include-planned)
submit sweep --scenarios torkham-closed --out "$out/sweep" "${options[@]}"
submit critical --out "$out/critical"
submit trade examples/trade/synthetic-comtrade-sample.csv --out "$out/trade"
./caravan scenario run torkham-closed "${options[@]}" --format csv > "$out/cli.csv"
cat > "$out/Dump.java" <<'EOF'
import org.apache.spark.sql.*;
public class Dump {
  public static void main(String[] a) {
    SparkSession s = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    for (Row r : s.read().parquet(a[0]).orderBy("od").select("from", "to", "change", "baseline_usd",
        "baseline_hours", "scenario_usd", "scenario_hours").collectAsList()) System.out.println("ROW," + r.mkString(","));
    s.stop();
  }
}
EOF
# shellcheck disable=SC2086
java $opens -cp "$(cat "$out/sparkjars.txt")" "$out/Dump.java" "$out/sweep/pairs" 2>/dev/null | grep '^ROW' > "$out/spark.txt"
python3 - "$out" <<'EOF'
import csv, sys
d = sys.argv[1]
cli = [r for r in csv.DictReader(open(d + '/cli.csv')) if r['change'] != 'totals']
sp = [l.strip().split(',')[1:] for l in open(d + '/spark.txt')]
def close(a, b):  # the CLI's CSV prints 4 decimals
    return (a in ('', 'null')) == (b in ('', 'null')) and (a in ('', 'null') or abs(float(a) - float(b)) <= 1e-3)
bad = 0
for c, s in zip(cli, sp):
    ok = [c['from'], c['to'], c['change']] == s[:3] and all(close(c[k], v) for k, v in zip(
        ['baseline_usd', 'baseline_hours', 'scenario_usd', 'scenario_hours'], s[3:7]))
    if not ok:
        bad += 1
        print('differs:', c['from'], c['to'], c['change'], s)
n = max(len(cli), len(sp))
print(f"sweep vs scenario run: {n - bad - abs(len(cli) - len(sp))} of {n} pairs equal "
      f"({sum(c['change'] != 'same' for c in cli)} changed by the scenario)")
sys.exit(1 if bad or len(cli) != len(sp) else 0)
EOF
echo "outputs in $out"
