#!/usr/bin/env bash
# The test command: provisions the build environment if needed, configures, builds and runs the
# whole suite (ctest) in it, then the host tests (scripts/host-tests.sh: scripts/run.sh on this
# host's display and paths, which only the host can check).
#   scripts/test.sh [PRESET] [ctest args...]   (PRESET: dev, asan, tsan, release)
# The host tests run for the dev and release presets (the sanitizer presets check the engine)
# and take the same ctest arguments; CODESCOUT_HOST_TESTS=0 leaves them out.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-dev}; shift || true
scripts/buildroot.sh run sh -c '
    set -e
    preset=$1; shift
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset"
    ctest --preset "$preset" "$@"
' sh "$preset" "$@"
case "$preset" in dev|release) ;; *) exit 0 ;; esac
[ "${CODESCOUT_HOST_TESTS:-1}" = 0 ] && exit 0
exec scripts/host-tests.sh "$preset" "$@"
