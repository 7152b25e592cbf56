#!/usr/bin/env bash
# CPU per request of the receiver's request path, two builds and the JDK server's floor, one run.
#
#   bench/receiver-front.sh BEFORE.jar [AFTER.jar]      # default AFTER: server-lite/target/baton-server.jar
#   bench/receiver-front.sh --pairs 3 BEFORE.jar AFTER.jar
#
# Each round starts, in turn, the floor (`baton-loadgen floor-receiver`), BEFORE and AFTER (the order
# of the two builds swaps every round), each on a fresh database and a free 127.0.0.1 port, with
# BATON_JAVA_OPTS (default -XX:+UseSerialGC -Xmx192m). Each target gets a warm-up of 20k distinct
# alerts (not counted), then scenario c (10k alerts × 10 sends, batch 1) and then scenario a' (50k
# new distinct alerts, batch 1), 8 keep-alive connections. For each scenario it prints the target's
# CPU per request, total and by thread (HTTP handler threads, the HTTP dispatcher, the writer, the
# rest), from /proc/PID/task/*/stat before and after the scenario, and the load average.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

PAIRS=2
while [ $# -gt 0 ]; do
  case "$1" in
    --pairs) PAIRS=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option '$1' (try --help)" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || { echo "usage: bench/receiver-front.sh [--pairs N] BEFORE.jar [AFTER.jar]" >&2; exit 2; }
BEFORE=$1
AFTER=${2:-$ROOT/server-lite/target/baton-server.jar}
LOADGEN_JAR=$ROOT/loadgen/target/baton-loadgen.jar
for f in "$BEFORE" "$AFTER" "$LOADGEN_JAR"; do [ -f "$f" ] || { echo "missing $f" >&2; exit 1; }; done
JAVA_OPTS=${BATON_JAVA_OPTS:--XX:+UseSerialGC -Xmx192m}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/baton-front.XXXXXX")
TARGET_PID=
trap '[ -z "$TARGET_PID" ] || kill "$TARGET_PID" 2>/dev/null; rm -rf "$WORK"' EXIT

# Clock ticks of utime+stime per thread group: "http dispatcher writer other" (user) then the same (system).
thread_ticks() { # pid
  for s in /proc/"$1"/task/*/stat; do cat "$s" 2>/dev/null || true; done | awk '
    { match($0, /\(.*\)/); name = substr($0, RSTART + 1, RLENGTH - 2); rest = substr($0, RSTART + RLENGTH + 1)
      split(rest, f, " "); g = "other"
      if (name ~ /^(baton-http|floor-http)/) g = "http"; else if (name ~ /^HTTP-Dispatcher/) g = "dispatcher"
      else if (name ~ /^baton-writer/) g = "writer"
      u[g] += f[12]; s[g] += f[13] }
    END { printf "%d %d %d %d %d %d %d %d\n", u["http"], u["dispatcher"], u["writer"], u["other"], s["http"], s["dispatcher"], s["writer"], s["other"] }'
}

HZ=$(getconf CLK_TCK)
report() { # label requests before-ticks after-ticks
  local label=$1 n=$2
  read -r -a b <<<"$3"; read -r -a a <<<"$4"
  awk -v l="$label" -v n="$n" -v hz="$HZ" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
    -v bu1="${b[0]}" -v bu2="${b[1]}" -v bu3="${b[2]}" -v bu4="${b[3]}" -v bs1="${b[4]}" -v bs2="${b[5]}" -v bs3="${b[6]}" -v bs4="${b[7]}" \
    -v au1="${a[0]}" -v au2="${a[1]}" -v au3="${a[2]}" -v au4="${a[3]}" -v as1="${a[4]}" -v as2="${a[5]}" -v as3="${a[6]}" -v as4="${a[7]}" '
    function us(t) { return t * 1e6 / hz / n }
    BEGIN {
      h = us(au1 - bu1 + as1 - bs1); d = us(au2 - bu2 + as2 - bs2); w = us(au3 - bu3 + as3 - bs3); o = us(au4 - bu4 + as4 - bs4)
      printf "%-28s total %6.1f µs/request | http %5.1f (user %5.1f sys %5.1f) | dispatcher %5.1f | writer %5.1f | other %5.1f | load %s\n",
        l, h + d + w + o, h, us(au1 - bu1), us(as1 - bs1), d, w, o, load }'
}

run_target() { # name kind jar
  local name=$1 kind=$2 jar=${3:-} dir port=
  dir=$WORK/$name-$RANDOM; mkdir -p "$dir"
  # port 0: the target binds a free port and logs it
  if [ "$kind" = floor ]; then
    java -jar "$LOADGEN_JAR" floor-receiver --listen 127.0.0.1:0 >"$dir/target.log" 2>&1 &
  else
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
    java $JAVA_OPTS -jar "$jar" --listen 127.0.0.1:0 --db "$dir/baton.db" >"$dir/target.log" 2>&1 &
  fi
  TARGET_PID=$!
  local deadline=$(( $(date +%s) + 30 ))
  until [ -n "$port" ] && curl -fs -o /dev/null "http://127.0.0.1:$port/-/ready"; do
    kill -0 "$TARGET_PID" 2>/dev/null && [ "$(date +%s)" -lt "$deadline" ] || { echo "$name did not start:" >&2; cat "$dir/target.log" >&2; exit 1; }
    sleep 0.1
    port=$(sed -n 's/.*listening on \(http:\/\/\)\{0,1\}127\.0\.0\.1:\([0-9]*\).*/\2/p' "$dir/target.log" | head -1)
  done
  local url="http://127.0.0.1:$port/api/v2/alerts" t0 t1
  java -jar "$LOADGEN_JAR" post --url "$url" --alerts 20000 --batch 1 --connections 8 >/dev/null
  t0=$(thread_ticks "$TARGET_PID")
  java -jar "$LOADGEN_JAR" post --url "$url" --alerts 10000 --resend 10 --batch 1 --connections 8 >"$dir/c.txt"
  t1=$(thread_ticks "$TARGET_PID")
  report "$name c (10k × 10, batch 1)" 100000 "$t0" "$t1"
  grep -q 'errors      none' "$dir/c.txt" || grep errors "$dir/c.txt"
  java -jar "$LOADGEN_JAR" post --url "$url" --alerts 50000 --batch 1 --connections 8 >"$dir/a.txt"
  t0=$(thread_ticks "$TARGET_PID")
  report "$name a' (50k new, batch 1)" 50000 "$t1" "$t0"
  grep -q 'errors      none' "$dir/a.txt" || grep errors "$dir/a.txt"
  kill "$TARGET_PID"; wait "$TARGET_PID" 2>/dev/null || true
  TARGET_PID=
}

echo "before: $BEFORE"
echo "after:  $AFTER"
echo "JVM options: $JAVA_OPTS; $(date -u +%Y-%m-%dT%H:%MZ); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$PAIRS"); do
  run_target floor floor
  if [ $((round % 2)) = 1 ]; then
    run_target before baton "$BEFORE"; run_target after baton "$AFTER"
  else
    run_target after baton "$AFTER"; run_target before baton "$BEFORE"
  fi
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
