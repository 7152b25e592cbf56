#!/usr/bin/env bash
# The receiver's writer alone (no HTTP): alerts/s and CPU per alert, into a fresh SQLite file.
#
#   bench/writer.sh                         # 100k distinct alerts, batch 100, synchronous normal
#   bench/writer.sh 10000 100 10            # 10k alerts sent 10 times
#   bench/writer.sh 100000 1 1 full 8       # batch 1, fsync before every answer, 8 requests in flight
#   bench/writer.sh 40000 1 1 normal 8 20000   # after 20k warm-up alerts (not counted: the JIT has compiled the writer)
#   bench/writer.sh --no-build …            # skip the build
#   BATON_JAR=other.jar bench/writer.sh --no-build …   # another build of the receiver (before/after)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --no-build ]; then shift; else ./mvnw -q -pl server-lite -am package -DskipTests; fi
exec java ${BATON_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "${BATON_JAR:-server-lite/target/baton-server.jar}":server-lite/target/test-classes \
  dev.baton.server.pipeline.WriterBenchmark "$@"
