#!/usr/bin/env bash
# The test command: provisions the build environment if needed, configures, builds and runs the
# whole suite (ctest). Usage: scripts/test.sh [PRESET] [ctest args...]   (PRESET: dev, asan, tsan, release)
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-dev}; shift || true
exec scripts/buildroot.sh run sh -c '
    set -e
    preset=$1; shift
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset"
    ctest --preset "$preset" "$@"
' sh "$preset" "$@"
