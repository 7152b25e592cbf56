#!/usr/bin/env bash
# Console API read latency over HTTP on a generated store (docs/benchmarks.md, "Console API").
#
#   bench/console-api.sh                        # 10k open, 100k closed incidents, 10 alerts each; 500 requests per kind
#   bench/console-api.sh 10000 1000000 10 500   # the full scale target: 1M closed, ~10M alerts
#   bench/console-api.sh --no-build …           # skip the build
#   BATON_BENCH_DB=/path/store.db bench/…       # keep the store (generated once, reused while it exists)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --no-build ]; then shift; else ./mvnw -q -pl server-lite -am package -DskipTests; fi
open=${1:-10000}; closed=${2:-100000}; per=${3:-10}; requests=${4:-500}
db=${BATON_BENCH_DB:-$(mktemp -d)/console-${open}-${closed}-${per}.db}
cp="server-lite/target/baton-server.jar:server-lite/target/test-classes"
opts="${BATON_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn"
if [ ! -f "$db" ]; then
  java $opts -cp "$cp" dev.baton.server.query.ConsoleStoreGenerator "$db" "$open" "$closed" "$per"
fi
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
# the repository's example runbooks: the lists are measured without and with them (cards count their matches)
exec java $opts -cp "$cp" dev.baton.server.query.ConsoleApiBenchmark "$db" "$requests" runbooks
