# Sourced by bench/run.sh and bench/trade.sh: builds core, trade and bench/target/caravan-bench.jar when it is missing or
# older than a source or pom. Needs $here (bench/), $root (repository), $jar, and $name (the caller, for messages).

needs_build() {
  [ -f "$jar" ] || return 0
  [ -n "$(find "$root/pom.xml" "$root/core/pom.xml" "$root/trade/pom.xml" "$here/pom.xml" "$root/core/src/main" \
          "$root/trade/src/main" "$here/src/main" -newer "$jar" -type f -print -quit 2>/dev/null)" ]
}

build_bench_jar() {
  needs_build || return 0
  command -v mvn >/dev/null 2>&1 || { echo "$name: Maven (mvn) is needed to build the benchmarks" >&2; exit 2; }
  echo "$name: building core and the benchmark jar..." >&2
  local blog
  blog="$(mktemp)"
  # Offline first; a first build on a fresh machine has to fetch JMH and the Maven plugins once.
  if ! (cd "$root" && mvn -q -B -o package -DskipTests -pl bench -am >"$blog" 2>&1); then
    echo "$name: offline build failed, retrying online (first build downloads JMH from Maven Central)" >&2
    if ! (cd "$root" && mvn -q -B package -DskipTests -pl bench -am >"$blog" 2>&1); then
      cat "$blog" >&2; rm -f "$blog"; echo "$name: build failed" >&2; exit 2
    fi
  fi
  rm -f "$blog"
  touch "$jar"
}
