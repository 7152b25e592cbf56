#!/bin/sh
# The console's class-data archive: the classes it loads while starting, parsed and verified once
# and mapped at every start after (main window about 0.6x as soon, docs/benchmarks.md). The
# launcher names it (-XX:SharedArchiveFile=$APPDIR/../baton.jsa); without it the console starts
# as well, only slower.
#
# It is dumped here, on the machine that installs the package, because an archive records the
# installed jar's path, size and time; package.sh recorded the list of classes (baton.classlist)
# by starting the console once. The package's post-install script runs it as root, after the
# files are in place; its pre-removal script deletes the archive. Never fails the install.
set -u

app=$(cd "$(dirname "$0")" && pwd)
lib=$(dirname "$app")
archive="$lib/baton.jsa"

rm -f "$archive" "$archive.tmp"
[ -f "$app/baton.classlist" ] || exit 0 # package.sh had no Xvfb to record the classes with
# The launcher's own options but the archive's: the dump must see the collector the console runs with.
options=$(sed -n 's/^java-options=//p' "$app/baton.cfg" | grep -v -e SharedArchiveFile -e '^-Xlog:cds')
# shellcheck disable=SC2086 # one option a word, as the launcher passes them
if "$lib/runtime/bin/java" $options -Xshare:dump -XX:SharedClassListFile="$app/baton.classlist" \
    -XX:SharedArchiveFile="$archive.tmp" -cp "$app/baton-console.jar" >/dev/null 2>&1; then
  mv "$archive.tmp" "$archive"
else
  rm -f "$archive.tmp"
  echo "baton: could not prepare the console's class archive; it will start without it, about a second slower" >&2
fi
exit 0
