# Sourced by the console's benchmarks: a virtual display of their own (Debian package xvfb) and a
# scratch folder $tmp; DISPLAY names the display; both go when the script exits.
tmp=$(mktemp -d)
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$tmp/display" 2>/dev/null &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT
while [ ! -s "$tmp/display" ]; do sleep 0.1; done
export DISPLAY=":$(cat "$tmp/display")"
