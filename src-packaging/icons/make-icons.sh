#!/usr/bin/env bash
# Renders baton.svg into the icons jpackage takes: baton.png (Linux), baton.ico (Windows) and
# baton.icns (macOS). Needs ImageMagick 6 (Debian: imagemagick) and python3. The results are
# committed, so a build never needs these tools; run this only after editing baton.svg.
set -euo pipefail
cd "$(dirname "$0")"
im=$(command -v convert-im6.q16 || command -v convert)
"$im" -background none baton.svg -resize 256x256 PNG32:baton.png
"$im" -background none baton.svg -resize 128x128 PNG32:baton-128.png
"$im" baton.png -define icon:auto-resize=256,128,64,48,32,16 baton.ico
# ICNS holds PNGs as they are: 'ic07' is 128x128, 'ic08' 256x256 (big-endian lengths, header included).
python3 - <<'PY'
import struct
chunks = b""
for kind, name in ((b"ic07", "baton-128.png"), (b"ic08", "baton.png")):
    data = open(name, "rb").read()
    chunks += kind + struct.pack(">I", 8 + len(data)) + data
open("baton.icns", "wb").write(b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks)
PY
rm baton-128.png
