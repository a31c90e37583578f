#!/usr/bin/env bash
# Builds and launches CodeScout on the user's desktop.
#   scripts/run.sh [FOLDER]                               the application (FOLDER: anywhere readable)
#   CODESCOUT_RUN=cli scripts/run.sh PATTERN [PATH...]    the command-line tool instead
#   CODESCOUT_PRESET=dev                                  which build to use (default: release)
#
# Natively, it builds and runs the program as it is. In the build root (scripts/buildroot.sh) the
# program sees what it would see on the host: the display (X11 socket, Xauthority, Wayland and
# session bus sockets in XDG_RUNTIME_DIR, and their variables), the user's language, the home
# folder, the caller's working folder and every path named on the command line, at their own
# paths and writable as on the host: Replace writes the files it changes, its undo journal
# ($XDG_STATE_HOME/codescout), the index cache ($XDG_CACHE_HOME/codescout) and the settings
# outlive the root. Run through sudo, the program runs as the user who called sudo, not as root,
# so the host's permissions decide what it may write, exactly as when it runs natively.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
checkout=$(cd "$here/.." && pwd)
caller_cwd=$PWD
mode=${CODESCOUT_RUN:-gui}
preset=${CODESCOUT_PRESET:-release}
no_display="no display: set DISPLAY or WAYLAND_DISPLAY, or run the CLI with CODESCOUT_RUN=cli"

die() { printf 'run.sh: %s\n' "$*" >&2; exit 2; }

# True when $DISPLAY or $WAYLAND_DISPLAY names a server whose socket is there. A display on
# another host (host:N) is taken on trust: the application says so if it cannot reach it.
display_reachable() {
    if [ -n "${WAYLAND_DISPLAY:-}" ]; then
        local socket=$WAYLAND_DISPLAY
        [[ $socket = /* ]] || socket=${XDG_RUNTIME_DIR:-/nonexistent}/$socket
        [ -S "$socket" ] && return 0
    fi
    if [ -n "${DISPLAY:-}" ]; then
        local host=${DISPLAY%%:*} number=${DISPLAY#*:}
        number=${number%%.*}
        [ -z "$host" ] || [ "$host" = unix ] || return 0
        [ -S "/tmp/.X11-unix/X$number" ] && return 0
        grep -q "@/tmp/.X11-unix/X$number\$" /proc/net/unix 2>/dev/null && return 0
    fi
    return 1
}

if [ "$mode" != cli ] && ! display_reachable; then
    printf '%s\n' "$no_display" >&2
    exit 2
fi

# The build's output goes to stderr: the CLI's standard output is its results only.
if [ "$mode" = cli ]; then target=codescout-cli; program=$checkout/build/$preset/src/cli/codescout-cli
else target=codescout; program=$checkout/build/$preset/src/gui/codescout; fi
# Only the program is built (not the test suite); its output goes to stderr: the CLI's standard
# output is its results only.
(cd "$checkout" && scripts/buildroot.sh run sh -c \
    'cmake --preset "$1" >/dev/null && cmake --build --preset "$1" --target "$2"' sh "$preset" "$target") >&2
[ "$mode" != cli ] || [ $# -gt 0 ] || { cd "$checkout"; set -- "fn main" src; }

where=$("$checkout/scripts/buildroot.sh" where)
if [ "$where" = native ]; then
    exec "$program" "$@"
fi

# --- In the build root: what to bind and pass through ---------------------------------------

# The user the program runs as: the one who called sudo, else whoever runs this.
run_uid=$(id -u); run_gid=$(id -g); run_home=${HOME:-}
if [ "$run_uid" = 0 ] && [ -n "${SUDO_UID:-}" ] && [ "$SUDO_UID" != 0 ]; then
    run_uid=$SUDO_UID; run_gid=${SUDO_GID:-$SUDO_UID}
    run_home=$(getent passwd "$run_uid" | cut -d: -f6)
    export HOME=$run_home
    [ -n "${XDG_RUNTIME_DIR:-}" ] || [ ! -d "/run/user/$run_uid" ] || export XDG_RUNTIME_DIR=/run/user/$run_uid
fi

# Paths the root's own programs need: a host folder bound over one of them would replace the
# root's libraries, fonts or configuration under the running program.
root_owned=(/usr/lib /usr/lib64 /usr/libexec /usr/bin /usr/sbin /lib /lib64 /bin /sbin /etc /dev
            /proc /sys /var/lib/dpkg /usr/share/X11 /usr/share/fonts /usr/share/icons
            /usr/share/mime /usr/share/qt6 /usr/share/fontconfig /usr/share/locale
            /usr/share/zoneinfo /usr/share/glib-2.0 /usr/share/themes /usr/share/i18n)

# The root's own folder that a path is, holds or lies inside; nothing when it is none of them.
root_owned_by() {
    local path=$1 owned
    for owned in "${root_owned[@]}"; do
        if [ "$path" = / ] || [[ $owned/ = "$path"/* ]] || [[ $path/ = "$owned"/* ]]; then
            echo "$owned"
            return
        fi
    done
}

# Refuses a path that is, holds or lies inside one of the root's own folders.
check_bindable() {
    local owned
    owned=$(root_owned_by "$1")
    [ -z "$owned" ] || die "$1 cannot be shown from inside the build root: it is or holds the root's own $owned (choose a folder elsewhere, or build natively on a host with Qt >= 6.5)"
}

declare -A bound=()
binds=()
# bind MODE PATH: bind PATH (resolved) at its own path unless a bind of that mode covers it.
bind() {
    local mode=$1 path
    path=$(realpath -e -- "$2" 2>/dev/null) || return 0
    [[ $path/ = "$checkout"/* ]] && return 0      # the checkout is bound already, writable
    local covered
    for covered in "${!bound[@]}"; do
        if [[ $path/ = "$covered"/* ]] && { [ "$mode" = ro ] || [ "${bound[$covered]}" = rw ]; }; then
            return 0
        fi
    done
    check_bindable "$path"
    bound[$path]=$mode
    binds+=("$mode $path")
}

pass_env=(HOME LANG LANGUAGE LC_ALL LC_CTYPE LC_MESSAGES LC_NUMERIC LC_TIME LC_COLLATE LC_MONETARY
          LC_PAPER LC_NAME LC_ADDRESS LC_TELEPHONE LC_MEASUREMENT LC_IDENTIFICATION
          XDG_CONFIG_HOME XDG_CACHE_HOME XDG_DATA_HOME XDG_STATE_HOME CODESCOUT_RUN)
[ -z "$run_home" ] || [ "$run_home" = / ] || bind rw "$run_home"
bind rw "$caller_cwd"
for arg in "$@"; do
    (cd "$caller_cwd" && [ -e "$arg" ]) && bind rw "$(cd "$caller_cwd" && realpath -e -- "$arg")"
done
# CodeScout's state and cache when they are set outside the home folder: made if missing (a
# folder that is not there cannot be bound, and the program would write into the root instead —
# an undo journal lost at exit).
for dir in "${XDG_STATE_HOME:-}" "${XDG_CACHE_HOME:-}"; do
    [[ $dir = /* ]] || continue
    if [ ! -d "$dir" ]; then
        mkdir -p "$dir" && chown "$run_uid:$run_gid" "$dir" 2>/dev/null
    fi
    bind rw "$dir"
done
# The folders of the applies in the undo journal: an undo (the CLI's --undo, the window's history)
# and the recovery at start rewrite files there, wherever the caller stands (unbound, they would
# look deleted, and an undo would refuse every file as missing). Where the program finds the
# journal (undo_journal.h): $XDG_STATE_HOME when absolute, else the home folder's.
if [[ ${XDG_STATE_HOME:-} = /* ]]; then undo_journal=$XDG_STATE_HOME/codescout/undo
else undo_journal=$run_home/.local/state/codescout/undo; fi
if [ -n "$run_home${XDG_STATE_HOME:-}" ] && [ -d "$undo_journal" ]; then
    while IFS= read -r root; do
        [ -e "$root" ] && [ -z "$(root_owned_by "$(realpath -e -- "$root")")" ] && bind rw "$root"
    done < <(cat "$undo_journal"/*/manifest 2>/dev/null | grep -a '^root [0-9]*:/' | sed 's/^root [0-9]*://' | sort -u)
fi

if [ "$mode" != cli ]; then
    pass_env+=(DISPLAY XAUTHORITY WAYLAND_DISPLAY XDG_RUNTIME_DIR DBUS_SESSION_BUS_ADDRESS
               XDG_SESSION_TYPE XDG_CURRENT_DESKTOP XDG_SESSION_DESKTOP DESKTOP_SESSION
               KDE_FULL_SESSION KDE_SESSION_VERSION GTK_THEME QT_QPA_PLATFORM QT_QPA_PLATFORMTHEME
               QT_STYLE_OVERRIDE QT_SCALE_FACTOR QT_SCREEN_SCALE_FACTORS QT_AUTO_SCREEN_SCALE_FACTOR
               QT_ENABLE_HIGHDPI_SCALING QT_WAYLAND_DISABLE_WINDOWDECORATION QT_ACCESSIBILITY
               QT_LINUX_ACCESSIBILITY_ALWAYS_ON)
    [ -d /tmp/.X11-unix ] && bind rw /tmp/.X11-unix
    [ -n "${XAUTHORITY:-}" ] && bind ro "$XAUTHORITY"
    [ -n "${XDG_RUNTIME_DIR:-}" ] && bind rw "$XDG_RUNTIME_DIR"
    # Settings (QSettings: CodeScout/CodeScout.conf) land in the user's real configuration.
    config=${XDG_CONFIG_HOME:-$run_home/.config}/CodeScout
    if [ -n "$run_home" ]; then
        mkdir -p "$config"
        chown "$run_uid:$run_gid" "$config" "$(dirname "$config")" 2>/dev/null || true
        bind rw "$config"
    fi
    # The folder the application reopens when none is given.
    if [ $# -eq 0 ] && [ -f "$config/CodeScout.conf" ]; then
        last=$(sed -n '/^\[history\]/,/^\[/s/^lastFolder=//p' "$config/CodeScout.conf" | head -n 1)
        [ -z "$last" ] || [ ! -d "$last" ] || bind rw "$last"
    fi
fi

# Parents before children: a writable folder inside a read-only one is bound after it.
CODESCOUT_ROOT_BINDS=$(printf '%s\n' "${binds[@]}" | sort -k2)
CODESCOUT_ROOT_ENV=${pass_env[*]}
export CODESCOUT_ROOT_BINDS CODESCOUT_ROOT_ENV
drop=()
[ "$run_uid" = "$(id -u)" ] || drop=(setpriv "--reuid=$run_uid" "--regid=$run_gid" --clear-groups --)
exec "$checkout/scripts/buildroot.sh" run "${drop[@]}" "$program" "$@"
