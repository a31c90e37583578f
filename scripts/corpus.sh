#!/usr/bin/env bash
# Prints the path of the unpacked Linux kernel tree (Debian's linux-source-6.12), unpacking it
# once into a cache outside the checkout. Used by the benchmarks and the differential tests.
# Run it inside the build environment (scripts/buildroot.sh run scripts/corpus.sh).
#   CODESCOUT_CORPUS_DIR   cache folder (default /var/cache/codescout/corpus)
set -euo pipefail
cache=${CODESCOUT_CORPUS_DIR:-/var/cache/codescout/corpus}
tarball=$(ls /usr/src/linux-source-6.12.tar.xz 2>/dev/null || true)
[ -n "$tarball" ] || { echo "corpus: /usr/src/linux-source-6.12.tar.xz missing (apt-get install linux-source-6.12)" >&2; exit 2; }
dest="$cache/linux-source-6.12"
if [ ! -f "$dest/.complete" ]; then
    mkdir -p "$cache"
    exec 9>"$cache/.lock"; flock 9
    if [ ! -f "$dest/.complete" ]; then
        echo "corpus: unpacking $tarball into $dest (once, about a minute)" >&2
        rm -rf "$dest.partial"; mkdir -p "$dest.partial"
        tar -xJf "$tarball" -C "$dest.partial" --strip-components=1
        touch "$dest.partial/.complete"
        rm -rf "$dest"; mv "$dest.partial" "$dest"
    fi
fi
printf '%s\n' "$dest"
