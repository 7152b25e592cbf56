#!/usr/bin/env bash
# Where a commit's pages go: WAL frames per commit, per b-tree, for alerts shaped as the load
# generator sends them (one per request, 8 in flight), read from the WAL's frame headers and
# named with SQLite's dbstat. Independent of the machine's load.
#
#   bench/commit-pages.sh                   # 40k warm-up, then 1k new alerts (scenario a's shape)
#   bench/commit-pages.sh 40000 2000 2      # 2k alerts sent twice: re-sends (scenario c's shape)
#   bench/commit-pages.sh --no-build …      # skip the build
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --no-build ]; then shift; else ./mvnw -q -pl server-lite -am package -DskipTests -Dpackaging.skip=true; fi
exec java ${BATON_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "${BATON_JAR:-server-lite/target/baton-server.jar}":server-lite/target/test-classes \
  dev.baton.server.pipeline.CommitPages "$@"
