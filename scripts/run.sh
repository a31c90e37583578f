#!/usr/bin/env bash
# Builds (release preset) and launches CodeScout. Usage: scripts/run.sh [FOLDER]
#   CODESCOUT_RUN=cli scripts/run.sh PATTERN [PATH...]   runs the command-line tool instead
# The GUI needs a display: inside the build root it uses the host's X11/Wayland socket if there is
# one, otherwise it renders offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/buildroot.sh run sh -c '
    set -e
    cmake --preset release >/dev/null
    cmake --build --preset release
    if [ "${CODESCOUT_RUN:-gui}" = cli ] || [ ! -x build/release/src/gui/codescout ]; then
        [ $# -gt 0 ] || set -- "fn main" src
        exec build/release/src/cli/codescout-cli "$@"
    fi
    exec build/release/src/gui/codescout "$@"
' sh "$@"
