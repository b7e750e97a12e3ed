#!/usr/bin/env bash
# Scenario-sweep throughput: the single-machine loop against the Spark sweep on local[1] and local[2], in one JVM,
# printed as ratios (spark/src/test/java/org/caravan/spark/SweepBenchmark.java; figures in docs/PERFORMANCE.md).
#
# Usage: bench/spark-sweep.sh [ROUNDS]     timed rounds per side after one warm-up (default 2; best one counts)
# Builds the spark module's test classes offline (mvn -o; the Spark artifacts must be in the local repository).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"
cp_file="spark/target/bench-classpath.txt"
# -am: core comes from this checkout's reactor (never installed); the spark module runs last, so its classpath is
# the file's final content
mvn -B -o -q -pl spark -am test-compile dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
  -Dmdep.outputFile="$(pwd)/$cp_file" >/dev/null
# Spark on Java 17 needs these (what spark-submit adds; spark/pom.xml spark.module.options has the same list).
opens=(-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true)
exec java "${opens[@]}" -Xmx2g -cp "spark/target/test-classes:spark/target/classes:core/target/classes:$(cat "$cp_file")" \
  -Dlog4j.configurationFile=spark/src/test/resources/log4j2.properties \
  org.caravan.spark.SweepBenchmark "$@"
