#!/usr/bin/env bash
# Start-up of the packaged service, to readiness (/actuator/health/readiness answering 200):
# the median of 5 starts with a CDS archive from a training run, beside 5 without.
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

# the training run refreshes the context once and writes the classes it loaded
java -XX:ArchiveClassesAtExit="$out/app.jsa" -Dspring.context.exit=onRefresh -jar "$app" "${args[@]}" \
  >"$out/training.log" 2>&1

start_once() {
  local started=$(date +%s%N)
  java "$@" -jar "$app" "${args[@]}" >>"$out/runs.log" 2>&1 &
  local pid=$!
  until curl -sf "localhost:$port/actuator/health/readiness" >/dev/null 2>&1; do sleep 0.05; done
  echo $(( ($(date +%s%N) - started) / 1000000 ))
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

median() { printf '%s\n' "$@" | sort -n | sed -n 3p; }

plain=() cds=()
for _ in 1 2 3 4 5; do
  plain+=("$(start_once)")
  cds+=("$(start_once -XX:SharedArchiveFile="$out/app.jsa")")
done
echo "| Start-up to readiness (5 starts) | Median | All (ms) |"
echo "|---|---|---|"
echo "| java -jar | $(median "${plain[@]}") ms | ${plain[*]} |"
echo "| java -XX:SharedArchiveFile -jar (CDS) | $(median "${cds[@]}") ms | ${cds[*]} |"
