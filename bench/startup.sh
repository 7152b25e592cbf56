#!/usr/bin/env bash
# Receiver start-up with many active alerts: how long from the `java` command until the port
# answers and until GET /-/ready says 200, then until the active alerts are in memory.
#
#   bench/startup.sh                  # 100k active alerts (posted at batch 100), 5 restarts
#   bench/startup.sh 200000 10        # 200k alerts, 10 restarts
#   bench/startup.sh --no-build …     # skip the build
#   BATON_COMPARE_JAR=old/baton-server.jar bench/startup.sh
#                                     # restarts alternate with another build, same database
#
# The JVM options are ./baton's (BATON_JAVA_OPTS overrides them).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --no-build ]; then shift; else ./mvnw -q -pl server-lite,loadgen -am package -DskipTests; fi
ALERTS=${1:-100000}
RESTARTS=${2:-5}
JAVA_OPTS=${BATON_JAVA_OPTS:--XX:+UseSerialGC -Xmx192m}
work=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port

now_ms() { date +%s%3N; }

JAR=server-lite/target/baton-server.jar
start_receiver() {
  # shellcheck disable=SC2086
  java $JAVA_OPTS -jar "$JAR" --listen "127.0.0.1:$port" --db "$work/baton.db" \
    > "$work/receiver.log" 2>&1 &
  pid=$!
}

stop_receiver() {
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

start_receiver
until curl -sf "$url/-/ready" > /dev/null; do sleep 0.1; done
echo "posting $ALERTS distinct firing alerts at batch 100 …"
java -jar loadgen/target/baton-loadgen.jar post --url "$url/api/v2/alerts" -b 100 -n "$ALERTS" > /dev/null
stop_receiver

echo
echo "| restart | jar | port answers ms | /-/ready 200 ms | active alerts in memory ms | RSS MiB after |"
echo "|--:|---|--:|--:|--:|--:|"
for run in $(seq 1 "$RESTARTS"); do
 for JAR in ${BATON_COMPARE_JAR:-} server-lite/target/baton-server.jar; do
  : > "$work/receiver.log"
  t0=$(now_ms)
  start_receiver
  answered=""
  while true; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$url/-/ready" || true)
    if [ -z "$answered" ] && [ "$code" != 000 ]; then answered=$(( $(now_ms) - t0 )); fi
    [ "$code" = 200 ] && break
    sleep 0.01
  done
  ready=$(( $(now_ms) - t0 ))
  # this build logs when the active alerts are in; an older one loaded them before ready
  deadline=$(( $(now_ms) + 30000 ))
  until grep -q "active alerts in" "$work/receiver.log" || [ "$(now_ms)" -gt "$deadline" ]; do sleep 0.01; done
  warm=$(( $(now_ms) - t0 ))
  grep -q "active alerts in" "$work/receiver.log" || warm="($ready)"
  sleep 1
  rss=$(awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$pid/status")
  echo "| $run | $JAR | $answered | $ready | $warm | $rss |"
  stop_receiver
 done
done
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
