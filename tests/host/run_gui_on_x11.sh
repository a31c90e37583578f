#!/usr/bin/env bash
# The README's first command as a user meets it: scripts/run.sh FOLDER on a real X server (Xvfb,
# the xcb platform, QT_QPA_PLATFORM unset) opens a visible window titled "FOLDER — CodeScout";
# a pattern typed into it finds the matches (the title then reads "N matches in M files — ...");
# Ctrl+Q quits cleanly, and the settings land in the user's own ~/.config.
set -uo pipefail
checkout=$1
fail() { echo "FAIL: $*"; [ -f "$tmp/app.log" ] && { echo "--- application output:"; tail -40 "$tmp/app.log"; }; exit 1; }
for tool in Xvfb xdotool; do
    command -v "$tool" >/dev/null ||
        { echo "SKIP: $tool is not installed on this host (scripts/host-tests.sh installs xvfb and xdotool where it can)"; exit 77; }
done
tmp=$(realpath "$(mktemp -d)")
xvfb_pid=; app_pid=
cleanup() {
    [ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null
    [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null
    wait 2>/dev/null; rm -rf "$tmp"
}
trap cleanup EXIT

folder=$tmp/tree
mkdir -p "$folder/sub" "$tmp/home"
printf 'alpha\nneedle one\n' >"$folder/a.txt"
printf 'needle two\nbeta\nneedle three\n' >"$folder/sub/b.c"

n=
for candidate in $(seq 90 140); do
    [ -e "/tmp/.X$candidate-lock" ] || [ -e "/tmp/.X11-unix/X$candidate" ] || { n=$candidate; break; }
done
[ -n "$n" ] || fail "no free display number"
Xvfb ":$n" -screen 0 1280x900x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 & xvfb_pid=$!
for _ in $(seq 100); do [ -S "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
[ -S "/tmp/.X11-unix/X$n" ] || fail "Xvfb did not start: $(cat "$tmp/xvfb.log")"

export DISPLAY=":$n" HOME="$tmp/home"
unset QT_QPA_PLATFORM WAYLAND_DISPLAY XDG_CONFIG_HOME
"$checkout/scripts/run.sh" "$folder" >"$tmp/app.log" 2>&1 & app_pid=$!

title="$folder — CodeScout"
window=
for _ in $(seq 3000); do  # up to 5 minutes: run.sh may build first
    window=$(xdotool search --onlyvisible --name "CodeScout" 2>/dev/null | head -n 1)
    [ -n "$window" ] && break
    kill -0 "$app_pid" 2>/dev/null || fail "scripts/run.sh ended before a window appeared"
    sleep 0.1
done
[ -n "$window" ] || fail "no visible CodeScout window"
[ "$(xdotool getwindowname "$window")" = "$title" ] ||
    fail "window title '$(xdotool getwindowname "$window")', expected '$title'"
echo "ok: visible window '$title'"

# No window manager runs: give the window the keyboard focus ourselves, then type as a user.
xdotool windowfocus --sync "$window"
xdotool key --clearmodifiers ctrl+f
xdotool type --delay 20 needle
xdotool key Return
expected="3 matches in 2 files — $folder — CodeScout"
for _ in $(seq 300); do
    [ "$(xdotool getwindowname "$window")" = "$expected" ] && break
    sleep 0.1
done
[ "$(xdotool getwindowname "$window")" = "$expected" ] ||
    fail "after typing the pattern the title is '$(xdotool getwindowname "$window")', expected '$expected'"
echo "ok: results in the window: '$expected'"

xdotool key --clearmodifiers ctrl+q
for _ in $(seq 200); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$app_pid" 2>/dev/null && fail "Ctrl+Q did not quit the application"
wait "$app_pid"; rc=$?; app_pid=
[ "$rc" = 0 ] || fail "the application exited with status $rc"
echo "ok: Ctrl+Q quit it, exit 0"

conf=$HOME/.config/CodeScout/CodeScout.conf
sed -n '/^\[history\]/,/^\[/p' "$conf" 2>/dev/null | grep -qxF "lastFolder=$folder" ||
    fail "the settings are not in the user's ~/.config ($conf: $(cat "$conf" 2>&1 | head -5))"
echo "ok: settings written to $conf"
echo PASS
