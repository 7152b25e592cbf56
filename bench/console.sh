#!/usr/bin/env sh
# The console's UI benchmark (docs/benchmarks.md, "Console"):
#  1. in one JVM, the real window (Monocle, software rendering) over a real embedded receiver
#     holding 10,000 open incidents: load and render, filter keystrokes, 500 ticking cards, RSS;
#  2. cold start to first paint of the shaded jar under Xvfb (needs xvfb-run), three runs.
# Usage: bench/console.sh   (BATON_BENCH_INCIDENTS=N to change the 10,000)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/app/target/console-bench.txt"
mkdir -p "$root/app/target"

"$root/mvnw" -q -f "$root/pom.xml" -pl app -am -Pconsole-bench verify -Dtest=ConsoleBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbaton.bench.incidents="${BATON_BENCH_INCIDENTS:-10000}" \
  -Dbaton.bench.out="$out" > "$root/app/target/console-bench.log" 2>&1 || { tail -40 "$root/app/target/console-bench.log"; exit 1; }
cat "$out"

"$root/mvnw" -q -f "$root/pom.xml" -pl app -am package -DskipTests >/dev/null
if ! command -v xvfb-run >/dev/null; then
  echo "cold start: skipped (install xvfb for xvfb-run)"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for run in 1 2 3; do
  xvfb-run -a -s '-screen 0 1600x1000x24 -nolisten tcp' \
    java -XX:+UseSerialGC -Xmx256m -Dbaton.firstPaint=exit -jar "$root/app/target/baton-console.jar" \
    --embedded --data-dir "$tmp/data" --config-dir "$tmp/config" 2>/dev/null | grep 'first paint' \
    | sed "s/^/cold start run $run: /"
done
