#!/usr/bin/env bash
# Baton's receiver beside Debian's Alertmanager 0.25, same machine, same load generator, one run.
#
#   bench/receiver-vs-alertmanager.sh                      # build, measure both, print the table
#   bench/receiver-vs-alertmanager.sh --only alertmanager  # Alertmanager alone (or: --only baton)
#   bench/receiver-vs-alertmanager.sh --no-build --repeat 1 --keep results.tsv
#   bench/receiver-vs-alertmanager.sh --warmup 2000         # a short warm-up (default 30000)
#   bench/receiver-vs-alertmanager.sh --floor               # also the JDK HTTP server alone, and durable
#
# Every scenario runs --repeat times (default 3; the table shows the median run and the range).
# Every run starts a fresh target (empty Alertmanager storage, empty Baton database) on a
# free 127.0.0.1 port, posts a warm-up of --warmup alerts (default 30000, own labels, not counted,
# the scenario's batch and connections; the same for both targets) and then the scenario with 8
# connections, and stops the target. The long warm-up measures a receiver in its steady state
# (a JVM's JIT compilers spend their first ~50k alerts compiling; a receiver runs for days). So the
# RSS at the end of scenario (a) is the RSS holding 100k active alerts plus the warm-up's.
#   a  100k distinct alerts, batch 1        (every alert its own request)
#   b  100k distinct alerts, batch 100
#   c  10k alerts sent 10 times, batch 1    (re-sends, one alert per request)
#   d  10k alerts sent 10 times, batch 64   (re-sends as Prometheus's notifier sends them: up
#                                            to 64 per request; 8 connections = 8 Prometheus servers)
# --floor adds two targets. floor (`baton-loadgen floor-receiver`): the JDK HTTP server set up as
# Baton's, reading each body and answering 200 with nothing decoded or stored — the floor any
# receiver on that server pays per request. durable-floor (the same with `--store`): each body
# committed to SQLite by one writer with group commit before its answer, nothing decoded or
# derived — the floor of a receiver that answers after a durable write. A table for each compares
# it with Alertmanager.
# Targets alternate run by run (Alertmanager, Baton, Alertmanager, …) so that a slow patch of a
# shared machine hits both. Environment: BATON_JAVA_OPTS (JVM flags for the receiver, default none),
# BATON_JAR (the receiver's jar, default server-lite/target/baton-server.jar: another build to
# compare with --only baton), ALERTMANAGER (binary, default prometheus-alertmanager or alertmanager on PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

ONLY=both
BUILD=1
KEEP=
REPEAT=3
WARMUP=30000
FLOOR=0
while [ $# -gt 0 ]; do
  case "$1" in
    --only) ONLY=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --keep) KEEP=$2; shift 2 ;;
    --repeat) REPEAT=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --floor) FLOOR=1; shift ;;
    -h|--help) sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
case "$ONLY" in both|alertmanager|baton) ;; *) echo "--only takes alertmanager, baton or both, not '$ONLY'" >&2; exit 2 ;; esac
case "$REPEAT" in ''|*[!0-9]*|0) echo "--repeat takes a positive number, not '$REPEAT'" >&2; exit 2 ;; esac
case "$WARMUP" in ''|*[!0-9]*) echo "--warmup takes a number of alerts (0 or more), not '$WARMUP'" >&2; exit 2 ;; esac

LOADGEN_JAR=$ROOT/loadgen/target/baton-loadgen.jar
BATON_JAR=${BATON_JAR:-$ROOT/server-lite/target/baton-server.jar}
CONNECTIONS=8

if [ "$BUILD" = 1 ]; then
  modules=loadgen
  [ "$ONLY" != alertmanager ] && modules=loadgen,server-lite
  echo "building $modules ..."
  ./mvnw -q -pl "$modules" -am package -DskipTests
fi
[ -f "$LOADGEN_JAR" ] || { echo "missing $LOADGEN_JAR: run without --no-build" >&2; exit 1; }
if [ "$ONLY" != alertmanager ] && [ ! -f "$BATON_JAR" ]; then
  echo "missing $BATON_JAR: run without --no-build" >&2; exit 1
fi

ALERTMANAGER=${ALERTMANAGER:-$(command -v prometheus-alertmanager || command -v alertmanager || true)}
if [ "$ONLY" != baton ] && [ -z "$ALERTMANAGER" ]; then
  echo "Alertmanager not found: apt-get install prometheus-alertmanager (Debian 12 ships 0.25)" >&2; exit 1
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/baton-bench.XXXXXX")
TARGET_PID=
cleanup() {
  if [ -n "$TARGET_PID" ] && kill -0 "$TARGET_PID" 2>/dev/null; then kill "$TARGET_PID"; wait "$TARGET_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
RESULTS=$WORK/results.tsv

free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "no free port found" >&2; return 1
}

# 0 when ready; 2 when the target exited because another process took its port meanwhile (the
# caller starts it again on another port); 1 on any other failure, with the target's log.
wait_ready() { # url pid log
  local deadline=$(( $(date +%s) + 30 ))
  until curl -fs -o /dev/null "$1"; do
    if ! kill -0 "$2" 2>/dev/null; then
      wait "$2" 2>/dev/null || true
      if grep -qiE 'address (is )?(already )?in use' "$3"; then return 2; fi
      echo "target exited while starting; its log:" >&2; cat "$3" >&2; return 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then echo "target not ready after 30 s; its log:" >&2; cat "$3" >&2; return 1; fi
    sleep 0.1
  done
}

start_alertmanager() { # dir port
  cat > "$1/alertmanager.yml" <<'YML'
route:
  receiver: blackhole
  group_by: ['alertname']
receivers:
  - name: blackhole
YML
  "$ALERTMANAGER" --config.file="$1/alertmanager.yml" --storage.path="$1/data" \
    --web.listen-address="127.0.0.1:$2" --cluster.listen-address= >"$1/target.log" 2>&1 &
  TARGET_PID=$!
}

start_floor() { # dir port
  java -jar "$LOADGEN_JAR" floor-receiver --listen "127.0.0.1:$2" >"$1/target.log" 2>&1 &
  TARGET_PID=$!
}

start_durable-floor() { # dir port
  java -jar "$LOADGEN_JAR" floor-receiver --listen "127.0.0.1:$2" --store "$1/floor.db" >"$1/target.log" 2>&1 &
  TARGET_PID=$!
}

start_baton() { # dir port
  # shellcheck disable=SC2086 # BATON_JAVA_OPTS is a list of flags
  java ${BATON_JAVA_OPTS:-} -jar "$BATON_JAR" --listen "127.0.0.1:$2" --db "$1/baton.db" >"$1/target.log" 2>&1 &
  TARGET_PID=$!
}

scenario() { # target scenario distinct resend batch
  local target=$1 name=$2 dir port
  dir=$WORK/$target-$name; mkdir -p "$dir"
  # the port was free when picked, but another process can take it before the target binds it
  local attempt ready
  for attempt in 1 2 3 4 5; do
    rm -rf "$dir/data" "$dir"/baton.db* "$dir"/floor.db*
    port=$(free_port)
    "start_$target" "$dir" "$port"
    ready=0; wait_ready "http://127.0.0.1:$port/-/ready" "$TARGET_PID" "$dir/target.log" || ready=$?
    [ "$ready" = 0 ] && break
    TARGET_PID=
    [ "$ready" = 2 ] || exit 1
    echo "   (port $port was taken before $target bound it; starting again on another port, attempt $attempt)"
  done
  [ "$ready" = 0 ] || { echo "$target could not bind a free port in 5 attempts; its log:" >&2; cat "$dir/target.log" >&2; exit 1; }
  echo "== $target, scenario $name: $3 distinct × $4, batch $5, $CONNECTIONS connections (pid $TARGET_PID, port $port)"
  java -jar "$LOADGEN_JAR" post --url "http://127.0.0.1:$port/api/v2/alerts" \
    --alerts "$3" --resend "$4" --batch "$5" --connections "$CONNECTIONS" --warmup "$WARMUP" \
    --pid "$TARGET_PID" --tsv "$RESULTS" --target-name "$target" --scenario "$name" --max-seconds 300 \
    || echo "   (load generator reported failure for $target $name)"
  kill "$TARGET_PID"; wait "$TARGET_PID" 2>/dev/null || true
  TARGET_PID=
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
targets=()
[ "$ONLY" != baton ] && targets+=(alertmanager)
[ "$ONLY" != alertmanager ] && targets+=(baton)
[ "$FLOOR" = 1 ] && targets+=(floor durable-floor)
for args in "a 100000 1 1" "b 100000 1 100" "c 10000 10 1" "d 10000 10 64"; do
  for _ in $(seq 1 "$REPEAT"); do
    for t in "${targets[@]}"; do
      # shellcheck disable=SC2086 # args is "name distinct resend batch"
      scenario "$t" $args
    done
  done
done

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(free -g | awk '/^Mem:/{print $2}') GiB"
echo "JDK: $(java -version 2>&1 | head -1)"
[ -n "$ALERTMANAGER" ] && echo "Alertmanager: $("$ALERTMANAGER" --version 2>&1 | head -1)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ), BATON_JAVA_OPTS='${BATON_JAVA_OPTS:-}', warm-up: $WARMUP alerts"
echo "load average (1/5/15 min) before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
if git -C "$ROOT" rev-parse --short HEAD >/dev/null 2>&1; then
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- server-lite loadgen 2>/dev/null || echo ' (with uncommitted changes in server-lite or loadgen)')"
fi
echo
java -jar "$LOADGEN_JAR" compare --tsv "$RESULTS" --baseline alertmanager --candidate baton
if [ "$FLOOR" = 1 ]; then
  echo
  echo "The JDK HTTP server alone (reads each body, answers 200, stores nothing) beside Alertmanager:"
  java -jar "$LOADGEN_JAR" compare --tsv "$RESULTS" --baseline alertmanager --candidate floor
  echo
  echo "The same, answering once each body is committed to SQLite (group commit, nothing decoded or derived) beside Alertmanager:"
  java -jar "$LOADGEN_JAR" compare --tsv "$RESULTS" --baseline alertmanager --candidate durable-floor
fi
if [ -n "$KEEP" ]; then cp "$RESULTS" "$KEEP"; echo; echo "rows kept in $KEEP"; fi
