#!/usr/bin/env sh
# The installed console's start (docs/benchmarks.md, "src-packaging"): the packaged launcher, with
# the class-data archive its package dumped at install time and without it (-Xshare:off, which is
# how it starts when the archive is missing), started alternately under Xvfb on an empty data
# folder: JVM start -> first paint, main window, list shown; the RSS 5 s after.
# Usage: bench/installed-console.sh [LAUNCHER] [ROUNDS]
#   LAUNCHER  default /opt/baton/bin/baton (sudo apt-get install ./src-packaging/target/packages/baton_*.deb)
#   ROUNDS    default 5
# Needs Xvfb (Debian package xvfb).
set -eu
launcher=${1:-/opt/baton/bin/baton}
rounds=${2:-5}
[ -x "$launcher" ] || { echo "$launcher is not installed (see the usage at the top of $0)" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "needs Xvfb (Debian package xvfb)" >&2; exit 1; }
archive="$(dirname "$(readlink -f "$launcher")")/../lib/baton.jsa"
[ -f "$archive" ] || echo "note: $archive is missing: both kinds of runs start without an archive" >&2

. "$(dirname "$0")/xvfb.sh"

# run LABEL JAVA_TOOL_OPTIONS: one start on an empty folder, one line of figures
run() {
  rm -rf "$tmp/data" "$tmp/config"
  : >"$tmp/out"
  JAVA_TOOL_OPTIONS="$2" "$launcher" --embedded --data-dir "$tmp/data" --config-dir "$tmp/config" \
    >"$tmp/out" 2>/dev/null &
  pid=$!
  waited=0
  while ! grep -q '^list of' "$tmp/out" && [ $waited -lt 1200 ]; do sleep 0.1; waited=$((waited + 1)); done
  sleep 5
  rss=$(awk '/^VmRSS/ { printf "%d MiB", $2 / 1024 }' "/proc/$pid/status" 2>/dev/null || echo "?")
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  printf '%s: %s; RSS %s (load average %s)\n' "$1" \
    "$(grep -E '^(first paint|main window|list of)' "$tmp/out" | sed 's/ after the JVM started//' | paste -sd ';' | sed 's/;/; /g')" \
    "$rss" "$(cut -d' ' -f1 /proc/loadavg)"
}

echo "$launcher, $(nproc) CPUs, $(date -u '+%Y-%m-%d %H:%M UTC')"
round=1
while [ $round -le "$rounds" ]; do
  run "without the archive, run $round" "-Dbaton.firstPaint=report -Xshare:off"
  run "with the archive,    run $round" "-Dbaton.firstPaint=report"
  round=$((round + 1))
done
