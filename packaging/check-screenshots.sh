#!/usr/bin/env bash
# Checks that every screenshot the AppStream metainfo points at exists in the repository
# (test packaging_screenshots): each <image> URL under BASE_URL must name a PNG file in
# docs/screenshots/, which the GUI's screenshot renderer (tests/gui/screenshots) writes.
#
#   packaging/check-screenshots.sh METAINFO BASE_URL SCREENSHOT_DIR
set -euo pipefail
metainfo=${1:?usage: check-screenshots.sh METAINFO BASE_URL SCREENSHOT_DIR}
base=${2:?}
dir=${3:?}
urls=$(grep -oE '<image[^>]*>[^<]+</image>' "$metainfo" | sed -E 's/<image[^>]*>([^<]+)<\/image>/\1/')
[ -n "$urls" ] || { echo "FAIL: $metainfo names no screenshot"; exit 1; }
failed=0
while IFS= read -r url; do
    case "$url" in
        "$base"*) file="$dir/${url#"$base"}" ;;
        *) echo "FAIL: screenshot $url is not under $base"; failed=1; continue ;;
    esac
    if [ ! -f "$file" ]; then
        echo "FAIL: $url: $file does not exist (render it: see tests/gui/screenshots)"; failed=1
    elif [ "$(head -c 8 "$file" | od -An -tx1 | tr -d ' \n')" != 89504e470d0a1a0a ]; then
        echo "FAIL: $file is not a PNG"; failed=1
    else
        echo "ok: $url -> $file"
    fi
done <<<"$urls"
exit "$failed"
