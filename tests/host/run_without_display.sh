#!/usr/bin/env bash
# scripts/run.sh without a display: one clear line and exit 2, before any build, no abort. Once
# with no display variable at all, once with DISPLAY naming a display no server answers.
set -uo pipefail
checkout=$1
fail() { echo "FAIL: $*"; exit 1; }
expected="no display: set DISPLAY or WAYLAND_DISPLAY, or run the CLI with CODESCOUT_RUN=cli"
folder=$(mktemp -d); trap 'rm -rf "$folder"' EXIT

# A display number with no server: no lock file and no socket.
dead=
for n in $(seq 150 250); do
    [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { dead=$n; break; }
done
[ -n "$dead" ] || fail "no free display number in 150..250"

for display in "" ":$dead"; do
    if [ -n "$display" ]; then set_display=(DISPLAY="$display"); else set_display=(-u DISPLAY); fi
    out=$(env -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "${set_display[@]}" \
          "$checkout/scripts/run.sh" "$folder" 2>&1)
    rc=$?
    echo "DISPLAY='$display': exit $rc, output: $out"
    [ "$rc" = 2 ] || fail "exit status $rc, expected 2"
    [ "$out" = "$expected" ] || fail "output is not the one line: $expected"
done
echo "PASS"
