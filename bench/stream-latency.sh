#!/usr/bin/env bash
# Stream latency: from a 2xx on ingest to the alert's event on GET /api/v1/stream, at a fixed rate.
#
#   bench/stream-latency.sh                         # build, 1000 alerts/s for 30 s after a 10 s warm-up
#   bench/stream-latency.sh --rate 2000 --seconds 60 --no-build
#   bench/stream-latency.sh --clients 5             # four more stream clients read beside the measuring one
#
# Starts the receiver jar on a free 127.0.0.1 port with an empty database (default configuration,
# so alerts group by alertname: 50 rule names, every alert its own instance), connects one stream
# client, and posts Alertmanager-v2 alerts over real HTTP at the rate (open loop, batches of
# --batch over --connections). Per alert it measures 2xx-time -> event-arrival-time on the stream
# client (one process, one monotonic clock) and prints p50/p90/p99/max and whether the stream kept
# up (every alert's event arrived, no reload). Environment: BATON_JAVA_OPTS (receiver JVM flags).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

BUILD=1
RATE=1000
SECONDS_MEASURED=30
WARMUP=10
BATCH=10
CONNECTIONS=4
CLIENTS=1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0; shift ;;
    --rate) RATE=$2; shift 2 ;;
    --seconds) SECONDS_MEASURED=$2; shift 2 ;;
    --warmup-seconds) WARMUP=$2; shift 2 ;;
    --batch) BATCH=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
for v in "$RATE" "$SECONDS_MEASURED" "$BATCH" "$CONNECTIONS" "$CLIENTS"; do
  case "$v" in ''|*[!0-9]*|0) echo "--rate, --seconds, --batch, --connections and --clients take positive numbers, not '$v'" >&2; exit 2 ;; esac
done

LOADGEN_JAR=$ROOT/loadgen/target/baton-loadgen.jar
BATON_JAR=$ROOT/server-lite/target/baton-server.jar
if [ "$BUILD" = 1 ]; then
  echo "building loadgen,server-lite ..."
  ./mvnw -q -pl loadgen,server-lite -am package -DskipTests
fi
for jar in "$LOADGEN_JAR" "$BATON_JAR"; do
  [ -f "$jar" ] || { echo "missing $jar: run without --no-build" >&2; exit 1; }
done

WORK=$(mktemp -d)
RECEIVER_PID=
EXTRA_PIDS=()
cleanup() {
  for p in "${EXTRA_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "$RECEIVER_PID" ] && kill -0 "$RECEIVER_PID" 2>/dev/null; then kill "$RECEIVER_PID"; wait "$RECEIVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

port=
for _ in $(seq 1 200); do
  p=$(( 20000 + RANDOM % 30000 ))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || { echo "no free port found" >&2; exit 1; }

# shellcheck disable=SC2086 # BATON_JAVA_OPTS is a list of flags
java ${BATON_JAVA_OPTS:-} -jar "$BATON_JAR" --listen "127.0.0.1:$port" --db "$WORK/baton.db" >"$WORK/receiver.log" 2>&1 &
RECEIVER_PID=$!
deadline=$(( $(date +%s) + 30 ))
until curl -fs -o /dev/null "http://127.0.0.1:$port/-/ready"; do
  if ! kill -0 "$RECEIVER_PID" 2>/dev/null; then echo "receiver exited while starting; its log:" >&2; cat "$WORK/receiver.log" >&2; exit 1; fi
  if [ "$(date +%s)" -ge "$deadline" ]; then echo "receiver not ready after 30 s" >&2; exit 1; fi
  sleep 0.1
done

# other stream clients: curl reading and discarding, as more consoles would
for _ in $(seq 2 "$CLIENTS"); do
  curl -sN "http://127.0.0.1:$port/api/v1/stream" >/dev/null &
  EXTRA_PIDS+=($!)
done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "receiver: pid $RECEIVER_PID on port $port, $CLIENTS stream client(s)"
status=0
java -jar "$LOADGEN_JAR" stream-latency --url "http://127.0.0.1:$port" --rate "$RATE" --seconds "$SECONDS_MEASURED" \
  --warmup-seconds "$WARMUP" --batch "$BATCH" --connections "$CONNECTIONS" || status=$?
echo "receiver RSS at the end: $(awk '/VmRSS/ {print $2, $3}' "/proc/$RECEIVER_PID/status"); load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "stream metrics: $(curl -s "http://127.0.0.1:$port/metrics" | grep -E '^baton_stream_(events|reloads|clients)' | tr '\n' ' ')"
exit "$status"
