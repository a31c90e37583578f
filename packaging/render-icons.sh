#!/usr/bin/env bash
# Renders the hicolor PNG icons from the hand-drawn SVG with rsvg-convert. The PNGs are committed
# (resources/icons/hicolor/) so that building a package needs no SVG renderer; run this script
# after editing the SVG (inside the build environment: scripts/buildroot.sh run
# packaging/render-icons.sh). The test packaging_icons fails when a PNG no longer matches.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
icons=$(cd "$here/../resources/icons" && pwd)
id=io.codescout.CodeScout
sizes="16 22 24 32 48 64 128 256"
command -v rsvg-convert >/dev/null || { echo "render-icons: rsvg-convert not found (package librsvg2-bin)" >&2; exit 2; }
for s in $sizes; do
    dir="$icons/hicolor/${s}x${s}/apps"
    mkdir -p "$dir"
    rsvg-convert --width "$s" --height "$s" --format png "$icons/$id.svg" --output "$dir/$id.png"
    echo "$dir/$id.png"
done
