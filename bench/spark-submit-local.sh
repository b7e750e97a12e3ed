#!/usr/bin/env bash
# The shaded jar as a cluster runs it: spark-submit's main class (org.apache.spark.deploy.SparkSubmit) on local[2],
# on a classpath of Spark's jars only (no Caravan module, DuckDB, picocli or SnakeYAML outside the jar), for the
# sweep and critical (each with route options) and trade (with the coverage check) jobs; then the sweep's Parquet
# rows against the CSV of './caravan scenario run', and the critical job's against './caravan critical', each with
# the same options. No Spark distribution is needed (docs/SPARK.md, "Tried here").
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
critical_options=(--objective time --avoid TM --modes road,rail,ferry,sea --penalty AF=250 --include-planned)
submit sweep --scenarios torkham-closed --out "$out/sweep" "${options[@]}" | tee "$out/sweep.log"
submit critical --out "$out/critical" "${critical_options[@]}" | tee "$out/critical.log"
submit trade examples/trade/synthetic-comtrade-sample.csv --out "$out/trade" \
  --expect-reporters KAZ,UZB,AFG,PAK,TJK --expect-years 2018-2024 | tee "$out/trade.log"
./caravan scenario run torkham-closed "${options[@]}" --format csv > "$out/cli.csv"
./caravan critical "${critical_options[@]}" --format csv > "$out/cli-critical.csv"
cat > "$out/Dump.java" <<'EOF'
import org.apache.spark.sql.*;
public class Dump {
  /** a[0] the Parquet directory, a[1] the column to order by, a[2..] the columns to print */
  public static void main(String[] a) {
    SparkSession s = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    String[] cols = java.util.Arrays.copyOfRange(a, 3, a.length);
    for (Row r : s.read().parquet(a[0]).orderBy(a[1]).select(a[2], cols).collectAsList()) {
      System.out.println("ROW," + r.mkString(","));
    }
    s.stop();
  }
}
EOF
dump() {
  # shellcheck disable=SC2086
  java $opens -cp "$(cat "$out/sparkjars.txt")" "$out/Dump.java" "$@" 2>/dev/null | grep '^ROW' || true
}
dump "$out/sweep/pairs" od from to change baseline_usd baseline_hours scenario_usd scenario_hours > "$out/spark.txt"
dump "$out/critical/links" rank rank link_id cost_increase_usd lost_tonnes > "$out/spark-critical.txt"
dump "$out/trade/coverage" reporter reporter year flow status covers | grep -v 'full year' > "$out/spark-coverage.txt" || true
echo "trade coverage rows not full year: $(wc -l < "$out/spark-coverage.txt")"
python3 - "$out" <<'EOF'
import csv, sys
d = sys.argv[1]
cli = list(csv.DictReader(open(d + '/cli-critical.csv')))
sp = [l.strip().split(',')[1:] for l in open(d + '/spark-critical.txt')]
bad = sum(1 for c, s in zip(cli, sp) if [c['rank'], c['link']] != s[:2]
          or abs(float(c['cost_increase_usd']) - float(s[2])) > 0.01 or abs(float(c['lost_tonnes']) - float(s[3])) > 1)
print(f"critical vs caravan critical (same route options): {len(cli) - bad if len(cli) == len(sp) else 0} of "
      f"{max(len(cli), len(sp))} ranked links equal (link, rank, cost increase to the CLI's 2 decimals)")
sys.exit(1 if bad or len(cli) != len(sp) else 0)
EOF
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
