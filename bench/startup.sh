#!/usr/bin/env bash
# Start-up of the packaged service, to readiness (/actuator/health/readiness answering 200), median
# of 5 starts each: on Java 17 without and with a CDS archive, and on Java 25 (JAVA25_HOME, default
# the Temurin 25 under /usr/lib/jvm) without and with an AOT cache, each archive from a training run.
# Needs the local PostgreSQL (BENCH_DATABASE_URL, default jdbc:postgresql://127.0.0.1:5432/postgres).
set -euo pipefail
cd "$(dirname "$0")/.."

jar=$(ls target/preverified-sync-*.jar 2>/dev/null | grep -v original | head -n 1 || true)
if [[ -z "$jar" ]]; then
  mvn -q -DskipTests package
  jar=$(ls target/preverified-sync-*.jar | grep -v original | head -n 1)
fi
out=target/startup
rm -rf "$out"
java -Djarmode=tools -jar "$jar" extract --destination "$out/app" >/dev/null
app="$out/app/$(basename "$jar")"
port=18080
args=(--spring.datasource.url="${BENCH_DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}"
  --spring.datasource.username="${BENCH_DATABASE_USER:-postgres}" --server.port=$port
  --preverified.sync.initial-delay=1h)

java17=java
java25="${JAVA25_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n 1)}/bin/java"

# each training run refreshes the context once and writes what it loaded (and, on 25, linked)
"$java17" -XX:ArchiveClassesAtExit="$out/app.jsa" -Dspring.context.exit=onRefresh -jar "$app" "${args[@]}" \
  >"$out/training.log" 2>&1
if [[ -x "$java25" ]]; then
  "$java25" -XX:AOTCacheOutput="$out/app.aot" -Dspring.context.exit=onRefresh -jar "$app" "${args[@]}" \
    >"$out/training-25.log" 2>&1
fi

start_once() {
  local java=$1
  shift
  local started=$(date +%s%N)
  "$java" "$@" -jar "$app" "${args[@]}" >>"$out/runs.log" 2>&1 &
  local pid=$!
  until curl -sf "localhost:$port/actuator/health/readiness" >/dev/null 2>&1; do sleep 0.05; done
  echo $(( ($(date +%s%N) - started) / 1000000 ))
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

median() { printf '%s\n' "$@" | sort -n | sed -n 3p; }

plain=() cds=() plain25=() aot=()
for _ in 1 2 3 4 5; do
  plain+=("$(start_once "$java17")")
  cds+=("$(start_once "$java17" -XX:SharedArchiveFile="$out/app.jsa")")
  if [[ -x "$java25" ]]; then
    plain25+=("$(start_once "$java25")")
    aot+=("$(start_once "$java25" -XX:AOTCache="$out/app.aot")")
  fi
done
echo "| Start-up to readiness (5 starts) | Median | All (ms) |"
echo "|---|---|---|"
echo "| Java 17: java -jar | $(median "${plain[@]}") ms | ${plain[*]} |"
echo "| Java 17: java -XX:SharedArchiveFile -jar (CDS) | $(median "${cds[@]}") ms | ${cds[*]} |"
if [[ -x "$java25" ]]; then
  echo "| Java 25: java -jar | $(median "${plain25[@]}") ms | ${plain25[*]} |"
  echo "| Java 25: java -XX:AOTCache -jar (AOT cache) | $(median "${aot[@]}") ms | ${aot[*]} |"
fi
