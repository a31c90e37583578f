#!/usr/bin/env bash
# Runs the host tests (tests/host: the README's commands as a user types them, on this host's
# display and paths) with the host's own CMake, outside the build root.
#   scripts/host-tests.sh [PRESET] [ctest args...]   PRESET: the build scripts/run.sh uses (dev)
# Installs what they need on a Debian host where it can (root and apt): cmake, Xvfb, xdotool.
# A test whose tool is missing skips itself (exit 77) and says why.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-dev}; shift || true

missing=()
command -v cmake >/dev/null || missing+=(cmake)
command -v Xvfb >/dev/null || missing+=(xvfb)
command -v xdotool >/dev/null || missing+=(xdotool)
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "host-tests: installing ${missing[*]} on the host" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"; } >/tmp/codescout-host-apt.log 2>&1 ||
        echo "host-tests: could not install ${missing[*]} (log: /tmp/codescout-host-apt.log)" >&2
fi
command -v cmake >/dev/null || { echo "host-tests: no cmake on the host: host tests not run" >&2; exit 2; }

build=build/host-tests
cmake -S tests/host -B "$build" -DCODESCOUT_PRESET="$preset" >/dev/null
ctest --test-dir "$build" --output-on-failure "$@"
