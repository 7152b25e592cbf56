#!/usr/bin/env bash
# Builds Baton's native installers with jpackage from the shaded jars, each on a runtime trimmed
# to the modules its jar needs:
#   deb   the console (package "baton") and the receiver ("baton-server")   Linux: fakeroot dpkg-dev binutils xvfb
#   rpm   the console                                                       Linux: rpm xvfb
#   msi   the console                                                       Windows: WiX 3 on PATH
#   dmg   the console                                                       macOS
#
# Usually run by Maven (docs/install.md): ./mvnw -pl src-packaging -am package -DskipTests
# By hand, after building the jars:       src-packaging/package.sh [--version V] [--dest DIR] TYPE...
# The installers are written to DEST (default src-packaging/target/packages).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
version=""
dest="$here/target/packages"
types=()
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version=$2; shift 2 ;;
    --dest) dest=$2; shift 2 ;;
    deb|rpm|msi|dmg) types+=("$1"); shift ;;
    *) echo "package.sh: unknown argument '$1' (expected --version V, --dest DIR, deb, rpm, msi or dmg)" >&2; exit 2 ;;
  esac
done
[ ${#types[@]} -gt 0 ] || types=(deb)
# The project's version is the first <version> of the parent pom.
[ -n "$version" ] || version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)

console_jar="$root/app/target/baton-console.jar"
server_jar="$root/server-lite/target/baton-server.jar"
vendor="Baton"
# The .deb's Maintainer is "$vendor <$maintainer>".
maintainer="${BATON_PACKAGE_MAINTAINER:-packaging@baton.invalid}"
work="$here/target/jpackage-work"

fail() { echo "package.sh: $*" >&2; exit 1; }

for jar in "$console_jar" "$server_jar"; do
  [ -f "$jar" ] || fail "$jar is missing: build it first with ./mvnw -pl app -am package -DskipTests"
done

# Git Bash on Windows: JAVA_HOME is a Windows path there.
if [ -n "${JAVA_HOME:-}" ] && command -v cygpath >/dev/null; then
  JAVA_HOME=$(cygpath -u "$JAVA_HOME")
fi
jdk_tool() {
  local t="${JAVA_HOME:+$JAVA_HOME/bin/}$1"
  command -v "$t" >/dev/null || fail "$1 not found: use a full JDK 17 (JAVA_HOME=$JAVA_HOME)"
  echo "$t"
}
jpackage=$(jdk_tool jpackage)
jdeps=$(jdk_tool jdeps)
java=$(jdk_tool java)

need() {
  local tool=$1 why=$2
  command -v "$tool" >/dev/null || fail "$tool is missing; it is needed for $why"
}

# Maven 0.1.0-SNAPSHOT -> 0.1.0~SNAPSHOT: "~" sorts before the release in dpkg and rpm alike.
linux_version=${version//-/\~}
# MSI and macOS bundles take numbers only: 0.1.0-SNAPSHOT -> 0.1.0.
numeric_version=${version%%-*}

# The modules a jar uses (jdeps), plus those it reaches only by reflection or service lookup.
modules() {
  local jar=$1 extra=$2 drop=${3:-}
  local found
  found=$("$jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$jar")
  echo "$found,$extra" | tr ',' '\n' | grep -v -x -e '' ${drop:+-e "$drop"} | sort -u | paste -sd, -
}

run_jpackage() {
  local log=$1; shift
  if ! PATH="${jpackage_path:-$PATH}" "$jpackage" --verbose "$@" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    fail "jpackage failed; its whole output is in $log"
  fi
}

common_options=(
  --vendor "$vendor"
  --copyright "Baton contributors"
  --dest "$work/out"
  # Debug symbols, headers and man pages are for developing Java, not for running Baton.
  --jlink-options "--strip-debug --no-header-files --no-man-pages --compress=2"
)

# jdk.crypto.ec: TLS to a shared receiver behind https (OkHttp, elliptic-curve key exchange).
console_modules=$(modules "$console_jar" jdk.crypto.ec,jdk.unsupported)
# java.desktop is dropped: the receiver reaches it only through optional java.beans paths of
# Jackson and SnakeYAML, and it would pull X11 and ALSA into a headless server's dependencies.
server_modules=$(modules "$server_jar" java.logging java.desktop)

console_input() {
  rm -rf "$work/console-input"
  mkdir -p "$work/console-input"
  cp "$console_jar" "$work/console-input/"
  cp "$here/linux/console/baton.desktop" "$work/console-input/"
}

# The Linux packages dump a class-data archive when they are installed (linux/console/class-archive.sh):
# the classes to put in it are those the console loads while it starts, recorded here by starting
# the jar once on a virtual display, until its list is shown.
record_class_list() {
  local list="$work/baton.classlist" run="$work/class-list-run"
  [ -f "$list" ] && return
  if ! command -v Xvfb >/dev/null; then
    echo "package.sh: Xvfb is missing, so the console's start-up classes are not recorded: the installed" \
      "console will start about a second slower (Debian: apt-get install xvfb)" >&2
    return
  fi
  rm -rf "$run"
  mkdir -p "$run"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$run/display" 2>"$run/xvfb.log" &
  local xvfb=$! waited=0
  while [ ! -s "$run/display" ] && [ $waited -lt 100 ]; do sleep 0.1; waited=$((waited + 1)); done
  local status=0
  # -Dbaton.firstPaint=exit quits once the list is shown.
  # shellcheck disable=SC2086 # a list of flags
  DISPLAY=":$(cat "$run/display")" timeout 180 "$java" $console_jvm \
    -XX:DumpLoadedClassList="$list" -Dbaton.firstPaint=exit -jar "$console_jar" \
    --embedded --data-dir "$run/data" --config-dir "$run/config" >"$run/console.log" 2>&1 || status=$?
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
  if [ $status -ne 0 ] || ! grep -q '^list of' "$run/console.log"; then
    tail -n 20 "$run/console.log" >&2
    fail "the console did not start on a virtual display to record its classes (exit $status; whole output in $run/console.log)"
  fi
}

# The Linux packages' input: the console, its class list and the script that dumps the archive.
linux_console_input() {
  console_input
  record_class_list
  if [ -f "$work/baton.classlist" ]; then
    cp "$work/baton.classlist" "$work/console-input/"
  fi
  cp "$here/linux/console/class-archive.sh" "$work/console-input/"
}

# The JVM options ./baton starts the console with (one GC thread, a heap cap, a small young
# generation: they suit a desk machine), read from it so that the two cannot drift apart.
console_jvm=$(sed -n 's/^console_jvm="\(.*\)"$/\1/p' "$root/baton")
[ -n "$console_jvm" ] || fail "no console_jvm=\"...\" line in $root/baton to take the console's JVM options from"
console_options=(
  --input "$work/console-input"
  --main-jar baton-console.jar
  --add-modules "$console_modules"
  --java-options "$console_jvm"
  --app-version "$linux_version"
  --description "Baton on-call console: incidents with live SLA countdowns, MQL filter, embedded receiver"
)
# The archive class-archive.sh dumps at install time; quiet when it is missing (the JVM then starts without one).
linux_console_options=(
  "${console_options[@]}"
  --java-options '-XX:SharedArchiveFile=$APPDIR/../baton.jsa -Xlog:cds=off'
)

# Unpacks a .deb, lets the caller's function add Baton's files, and builds it again with
# root-owned files. jpackage's own maintainer scripts are dropped: without --linux-shortcut
# (which breaks installs on machines without a desktop menu) they do nothing.
repack_deb() {
  local deb=$1 add=$2
  local tree="$work/repack"
  rm -rf "$tree"
  dpkg-deb -R "$deb" "$tree"
  rm -f "$tree"/DEBIAN/preinst "$tree"/DEBIAN/postinst "$tree"/DEBIAN/prerm "$tree"/DEBIAN/postrm
  # ... and so is what jpackage adds for its desktop integration: xdg-utils and its .desktop copy.
  sed -i -e 's/ xdg-utils,//' "$tree/DEBIAN/control"
  rm -f "$tree"/opt/*/lib/*.desktop
  "$add" "$tree"
  local size
  size=$(du -sk --exclude=DEBIAN "$tree" | cut -f1)
  sed -i "s/^Installed-Size: .*/Installed-Size: $size/" "$tree/DEBIAN/control"
  rm -f "$deb"
  dpkg-deb --root-owner-group -Zxz -b "$tree" "$deb" >/dev/null
  rm -rf "$tree"
}

add_console_files() {
  local tree=$1
  install -d "$tree/usr/bin" "$tree/usr/share/applications" "$tree/usr/share/icons/hicolor/256x256/apps"
  ln -s /opt/baton/bin/baton "$tree/usr/bin/baton"
  install -m 644 "$here/linux/console/baton.desktop" "$tree/usr/share/applications/baton.desktop"
  install -m 644 "$here/icons/baton.png" "$tree/usr/share/icons/hicolor/256x256/apps/baton.png"
  install -m 755 "$here/linux/console/postinst" "$here/linux/console/prerm" "$tree/DEBIAN/"
}

add_server_files() {
  local tree=$1 s="$here/linux/server"
  install -d "$tree/etc/baton" "$tree/etc/default" "$tree/lib/systemd/system" "$tree/usr/share/doc/baton-server"
  install -m 644 "$s/baton.yml" "$tree/etc/baton/baton.yml"
  install -m 644 "$s/baton-server.default" "$tree/etc/default/baton-server"
  install -m 644 "$s/baton-server.service" "$tree/lib/systemd/system/baton-server.service"
  install -m 644 "$root/docs/install.md" "$tree/usr/share/doc/baton-server/install.md"
  install -m 644 "$s/conffiles" "$tree/DEBIAN/conffiles"
  install -m 755 "$s/postinst" "$s/prerm" "$s/postrm" "$tree/DEBIAN/"
}

# Moves the package jpackage wrote into DEST and says what it built.
deliver() {
  local built=$1 started=$2
  local name
  name=$(basename "$built")
  rm -f "$dest/$name"
  mv "$built" "$dest/"
  echo "package.sh: $dest/$name ($(du -k "$dest/$name" | cut -f1) KiB, $(( $(date +%s) - started )) s)"
}

# jpackage's .deb is unpacked and packed again by repack_deb: let jpackage's dpkg-deb store it
# uncompressed, so that it is compressed once (xz on 150 MB takes a minute).
uncompressed_dpkg_deb() {
  local real
  real=$(command -v dpkg-deb)
  mkdir -p "$work/bin"
  printf '#!/bin/sh\nfor a in "$@"; do [ "$a" = -b ] && exec %s -Znone "$@"; done\nexec %s "$@"\n' \
    "$real" "$real" >"$work/bin/dpkg-deb"
  chmod 755 "$work/bin/dpkg-deb"
  echo "$work/bin"
}

build_deb() {
  need fakeroot ".deb packages (Debian: apt-get install fakeroot)"
  need dpkg-deb ".deb packages (Debian: apt-get install dpkg-dev)"
  need objcopy "jlink --strip-debug (Debian: apt-get install binutils)"
  jpackage_path="$(uncompressed_dpkg_deb):$PATH"
  local started
  started=$(date +%s)
  linux_console_input
  run_jpackage "$work/console-deb.log" --type deb --name baton "${common_options[@]}" "${linux_console_options[@]}" \
    --icon "$here/icons/baton.png" --linux-package-name baton --linux-deb-maintainer "$maintainer" \
    --linux-app-category net --linux-package-deps "libgtk-3-0, libgl1"
  local deb
  deb=$(ls "$work"/out/baton_*.deb)
  repack_deb "$deb" add_console_files
  deliver "$deb" "$started"

  started=$(date +%s)
  rm -rf "$work/server-input"
  mkdir -p "$work/server-input"
  cp "$server_jar" "$work/server-input/"
  run_jpackage "$work/server-deb.log" --type deb --name baton-server "${common_options[@]}" \
    --input "$work/server-input" --main-jar baton-server.jar --add-modules "$server_modules" \
    --app-version "$linux_version" --java-options "-XX:+UseSerialGC" \
    --description "Baton receiver: alerts from Prometheus, Alertmanager, Grafana and scripts into incidents" \
    --linux-package-name baton-server --linux-deb-maintainer "$maintainer" \
    --linux-app-category net --linux-package-deps "adduser"
  deb=$(ls "$work"/out/baton-server_*.deb)
  repack_deb "$deb" add_server_files
  deliver "$deb" "$started"
  unset jpackage_path
}

build_rpm() {
  need rpmbuild ".rpm packages (Debian: apt-get install rpm; Fedora: dnf install rpm-build)"
  local started
  started=$(date +%s)
  linux_console_input
  # baton.spec is jpackage's own template plus the command on PATH, the menu entry, the icon and the class archive.
  rm -rf "$work/rpm-resources"
  mkdir -p "$work/rpm-resources"
  cp "$here/linux/console/baton.spec" "$work/rpm-resources/"
  run_jpackage "$work/console-rpm.log" --type rpm --name baton "${common_options[@]}" "${linux_console_options[@]}" \
    --resource-dir "$work/rpm-resources" --icon "$here/icons/baton.png" --linux-package-name baton \
    --linux-app-category Applications/System --linux-package-deps "gtk3, mesa-libGL"
  deliver "$(ls "$work"/out/baton-*.rpm)" "$started"
}

build_msi() {
  need candle "the .msi (WiX Toolset 3: candle.exe and light.exe on PATH)"
  local started
  started=$(date +%s)
  console_input
  # The upgrade code stays the same for every release, so a newer .msi replaces an older one.
  run_jpackage "$work/console-msi.log" --type msi --name Baton "${common_options[@]}" "${console_options[@]}" \
    --app-version "$numeric_version" --icon "$here/icons/baton.ico" \
    --win-menu --win-menu-group Baton --win-shortcut --win-dir-chooser \
    --win-upgrade-uuid 6f1f8a52-3d1e-4c8e-9a57-baf0c0ba7001
  deliver "$(ls "$work"/out/Baton-*.msi)" "$started"
}

build_dmg() {
  local started
  started=$(date +%s)
  console_input
  # A macOS bundle version must start with a number above 0: 0.y.z is packaged as 1.y.z there.
  local bundle_version=$numeric_version
  [ "${bundle_version%%.*}" != 0 ] || bundle_version="1.${bundle_version#*.}"
  run_jpackage "$work/console-dmg.log" --type dmg --name Baton "${common_options[@]}" "${console_options[@]}" \
    --app-version "$bundle_version" --icon "$here/icons/baton.icns" \
    --mac-package-identifier dev.baton.console --mac-package-name Baton
  # The file is named after the bundle's version; name it after the real one.
  local dmg
  dmg=$(ls "$work"/out/Baton-*.dmg)
  mv "$dmg" "$work/out/Baton-${numeric_version}.dmg"
  deliver "$work/out/Baton-${numeric_version}.dmg" "$started"
}

rm -rf "$work"
mkdir -p "$work/out" "$dest"
for type in "${types[@]}"; do
  "build_$type"
done
