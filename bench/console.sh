#!/usr/bin/env sh
# The console's UI benchmark (docs/benchmarks.md, "Console"):
#  1. in one JVM, the real window (Monocle, software rendering) over a real embedded receiver
#     holding 10,000 open incidents: load and render, filter keystrokes, 500 ticking cards;
#  2. the shaded jar as users start it (./baton's JVM options, embedded receiver) under Xvfb:
#     cold start on an empty data folder, then over the 10,000 incidents of step 1: first paint,
#     main window, list shown, the process's RSS (console and its embedded receiver) with the
#     list shown, and (over the incidents) the CPU it uses idle, 20 s measured 35 s after the list
#     was shown (BATON_BENCH_IDLE_FILTER=1: with a filter typed first, the filter bar keeping the
#     focus; needs xdotool). Needs Xvfb (Debian package xvfb). The JVM options are ./baton's.
# Usage: bench/console.sh   (BATON_BENCH_INCIDENTS=N to change the 10,000;
#        BATON_BENCH_BASELINE_JAR=other/baton-console.jar runs that jar alternately with this one
#        in step 2, for before/after ratios measured in one run; BATON_BENCH_BASELINE_DATA=DIR gives it
#        its own copy of the incidents when it cannot read this database schema; BATON_BENCH_JVM and
#        BATON_BENCH_BASELINE_JVM replace ./baton's JVM options for this jar and the baseline jar)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/app/target/console-bench.txt"
mkdir -p "$root/app/target"
data="$root/app/target/console-bench-data"
if [ -n "${BATON_BENCH_IDLE_FILTER:-}" ] && ! command -v xdotool >/dev/null; then
  echo "BATON_BENCH_IDLE_FILTER needs xdotool (Debian package xdotool)" >&2
  exit 1
fi
rm -rf "$data"

"$root/mvnw" -q -f "$root/pom.xml" -pl app -am -Pconsole-bench verify -Dtest=ConsoleBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbaton.bench.incidents="${BATON_BENCH_INCIDENTS:-10000}" \
  -Dbaton.bench.data="$data" -Dbaton.bench.out="$out" > "$root/app/target/console-bench.log" 2>&1 \
  || { tail -40 "$root/app/target/console-bench.log"; exit 1; }
cat "$out"

"$root/mvnw" -q -f "$root/pom.xml" -pl app -am package -DskipTests -Dpackaging.skip=true >/dev/null
if ! command -v Xvfb >/dev/null; then
  echo "jar runs: skipped (install xvfb)"
  exit 0
fi
. "$root/bench/xvfb.sh"

# ./baton's JVM options (BATON_BENCH_JVM to try others; BATON_BENCH_BASELINE_JVM for the baseline
# jar, by default the same).
jvm=${BATON_BENCH_JVM:-$(sed -n 's/^console_jvm="\(.*\)"$/\1/p' "$root/baton")}
baseline_jvm=${BATON_BENCH_BASELINE_JVM:-$jvm}
# cpu_by_thread PID: "thread name|user + system clock ticks" for each thread, summed by name
cpu_by_thread() {
  for t in /proc/"$1"/task/*; do
    printf '%s|%s\n' "$(cat "$t/comm" 2>/dev/null)" "$(sed 's/.*) //' "$t/stat" 2>/dev/null | awk '{ print $12 + $13 }')"
  done | awk -F'|' '$2 != "" { sum[$1] += $2 } END { for (n in sum) print n "|" sum[n] }'
}
# run LABEL JAR DATA [JVM OPTIONS]: starts JAR as ./baton does over DATA (copied: every run starts from the same
# files), waits for the list, samples the RSS after 5 s more, and prints one line.
run() {
  rm -rf "$tmp/data" "$tmp/config"
  : >"$tmp/out" # before java starts: the wait below must not read the previous run's lines
  cp -r "$2" "$tmp/data" 2>/dev/null || mkdir -p "$tmp/data"
  # shellcheck disable=SC2086 # JVM options are words
  java ${4:-$jvm} -Dbaton.firstPaint=report -jar "$3" \
    --embedded --data-dir "$tmp/data" --config-dir "$tmp/config" >"$tmp/out" 2>/dev/null &
  pid=$!
  waited=0
  while ! grep -q '^list of' "$tmp/out" && [ $waited -lt 1200 ]; do sleep 0.1; waited=$((waited + 1)); done
  # CPU (user + system) the process used until the list was shown: a loaded machine inflates wall times, not this
  cpu=$(awk '{ printf "%d ms", ($14 + $15) * 10 }' "/proc/$pid/stat" 2>/dev/null || echo "?")
  sleep 5
  rss=$(awk '/^VmRSS/ { printf "%d MiB", $2 / 1024 }' "/proc/$pid/status" 2>/dev/null || echo "?")
  # Over incidents: the CPU the console then uses while nobody touches it (its SLA timers, the
  # embedded receiver's clock), 20 s measured after 30 s more, once the JIT has mostly settled
  # (the JIT's compiler threads apart: still compiling now and then, they are not what idling costs)
  idle=
  if [ "$2" != /nonexistent ]; then
    # BATON_BENCH_IDLE_FILTER=1: first type a filter into the filter bar, which keeps the focus (xdotool)
    if [ -n "${BATON_BENCH_IDLE_FILTER:-}" ]; then
      window=$(xdotool search --pid "$pid" --onlyvisible --name Baton | head -n 1 || true)
      [ -n "$window" ] || { echo "$1: no window of the console's to type a filter into (xdotool search)" >&2; exit 1; }
      xdotool windowfocus "$window" # no window manager under Xvfb: focus, not activate
      xdotool key --window "$window" ctrl+f
      sleep 0.5
      xdotool type --delay 120 "project = p7777"
      sleep 0.5
      xdotool key Escape # closes the completion popup; the filter keeps the focus
    fi
    sleep 30
    cpu_by_thread "$pid" >"$tmp/idle-from"
    sleep 20
    cpu_by_thread "$pid" >"$tmp/idle-to"
    idle="; CPU idle over 20 s, 35 s after the list was shown${BATON_BENCH_IDLE_FILTER:+ and a filter typed}, $(awk -F'|' '
      NR == FNR { from[$1] = $2; next }
      { d = ($2 - from[$1]) * 10; if ($1 ~ /CompilerThre/) jit += d; else rest += d }
      END { printf "%d ms (JIT compilers %d ms more)", rest, jit }' "$tmp/idle-from" "$tmp/idle-to")"
  fi
  kill "$pid" 2>/dev/null || true # gone already when it could not start (say, a newer database schema)
  wait "$pid" 2>/dev/null || true
  printf '%s: %s; CPU until the list was shown %s; RSS with the list shown %s%s (load average %s)\n' "$1" \
    "$(grep -E '^(first paint|main window|list of)' "$tmp/out" | sed 's/ after the JVM started//' | paste -sd ';' | sed 's/;/; /g')" \
    "$cpu" "$rss" "$idle" "$(cut -d' ' -f1 /proc/loadavg)"
}

jar="$root/app/target/baton-console.jar"
# ./baton's class-data archive: the first start of a build records it at exit, later starts map it
# (the baseline jar runs without one unless BATON_BENCH_BASELINE_JVM names one)
archive="$tmp/console.jsa"
quiet_cds="-Xlog:cds=off -Xlog:cds+dynamic=off"
run "empty folder, first start of this build (records the class archive)" /nonexistent "$jar" \
  "$jvm -XX:ArchiveClassesAtExit=$archive $quiet_cds"
jvm="$jvm -XX:SharedArchiveFile=$archive $quiet_cds"
for round in 1 2 3; do
  [ -n "${BATON_BENCH_BASELINE_JAR:-}" ] && run "baseline, empty folder, run $round" /nonexistent "$BATON_BENCH_BASELINE_JAR" "$baseline_jvm"
  run "empty folder, run $round" /nonexistent "$jar"
done
for round in 1 2; do
  [ -n "${BATON_BENCH_BASELINE_JAR:-}" ] && run "baseline, ${BATON_BENCH_INCIDENTS:-10000} incidents, run $round" "${BATON_BENCH_BASELINE_DATA:-$data}" "$BATON_BENCH_BASELINE_JAR" "$baseline_jvm"
  run "${BATON_BENCH_INCIDENTS:-10000} incidents, run $round" "$data" "$jar"
done
