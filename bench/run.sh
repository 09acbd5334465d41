#!/usr/bin/env bash
# Measures the service against the machine's own limits and prints one table.
#   bench/run.sh           1,000,000 numbers (100 businesses x 10,000), then start-up (bench/startup.sh)
#   bench/run.sh --small   10,000 numbers, as CI runs it
# Needs the local PostgreSQL (BENCH_DATABASE_URL, default jdbc:postgresql://127.0.0.1:5432/postgres,
# user BENCH_DATABASE_USER, default postgres); wrk and pgbench for the REST part.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1 && [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
  (apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq wrk >/dev/null 2>&1; }) \
    || echo "wrk could not be installed: the REST part is skipped"
fi

jar=$(ls target/preverified-sync-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
# the benchmark is built and checked with the tests (src/test/java/io/preverified/bench)
if [[ -z "$jar" || ! -f target/test-classes/io/preverified/bench/Benchmark.class ]]; then
  mvn -q -DskipTests package
  jar=$(ls target/preverified-sync-*.jar | grep -v original | head -n 1)
fi
mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
classpath="target/test-classes:target/classes:$(cat target/bench.classpath)"
: > target/bench-service.log
java -Xmx3g -cp "$classpath" io.preverified.bench.Benchmark "$@" "$jar"
if [[ " $* " != *" --small "* ]]; then
  echo
  bash bench/startup.sh
fi
