#!/usr/bin/env bash
# Incident analytics and the SLA report (GET /api/v1/reports/incidents, /sla) over HTTP on a generated store (docs/benchmarks.md, "Reports").
#
#   bench/reports.sh                      # 100k incidents, 5k post-mortems; 30 requests per kind
#   bench/reports.sh 300000 15000 20      # incidents, post-mortems, requests per kind
#   bench/reports.sh --no-build …         # skip the build
#   BATON_BENCH_DB=/path/store.db bench/… # keep the store (generated once, reused while it exists)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --no-build ]; then shift; else ./mvnw -q -pl server-lite -am package -DskipTests; fi
incidents=${1:-100000}; postmortems=${2:-5000}; requests=${3:-30}
db=${BATON_BENCH_DB:-$(mktemp -d)/reports-${incidents}-${postmortems}.db}
cp="server-lite/target/baton-server.jar:server-lite/target/test-classes"
opts="${BATON_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn"
if [ ! -f "$db" ]; then
  java $opts -cp "$cp" dev.baton.server.report.ReportStoreGenerator "$db" "$incidents" "$postmortems"
fi
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java $opts -cp "$cp" dev.baton.server.report.ReportBenchmark "$db" "$requests"
