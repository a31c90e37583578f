#!/usr/bin/env bash
# Runs a command where CodeScout can be built: natively when the host has Qt >= 6.5 and
# KF6 SyntaxHighlighting, otherwise inside a Debian 13 ("trixie") build root that this script
# creates once, outside the checkout, and reuses (see DEVELOPERS.md / docs/build-root.md).
#
#   scripts/buildroot.sh run CMD...     run CMD in the build environment, cwd preserved
#   scripts/buildroot.sh ensure         provision only
#   scripts/buildroot.sh where          print "native" or the root's path
#
# Environment:
#   CODESCOUT_BUILDROOT   where the root lives (default /var/cache/codescout/trixie-root)
#   CODESCOUT_NATIVE=1    never use a root (fail later if the host lacks packages)
#   CODESCOUT_USE_ROOT=1  always use a root, even if the host looks sufficient
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
checkout=$(cd "$here/.." && pwd)
root=${CODESCOUT_BUILDROOT:-/var/cache/codescout/trixie-root}
package_list="$here/buildroot-packages.txt"

log() { printf 'buildroot: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 2; }

# True when this host can build the project without a root.
host_is_sufficient() {
    [ "${CODESCOUT_USE_ROOT:-0}" = 1 ] && return 1
    [ "${CODESCOUT_NATIVE:-0}" = 1 ] && return 0
    local qtver
    qtver=$(qtpaths6 --qt-version 2>/dev/null || true)
    [ -n "$qtver" ] || return 1
    dpkg --compare-versions "$qtver" ge 6.5 2>/dev/null || return 1
    pkg-config --exists libpcre2-8 re2 libxxhash 2>/dev/null || return 1
    for f in /usr/lib/*/cmake/KF6SyntaxHighlighting /usr/lib/cmake/KF6SyntaxHighlighting \
             /usr/lib64/cmake/KF6SyntaxHighlighting; do
        [ -d "$f" ] && return 0
    done
    return 1
}

# The Debian mirror the host already uses, read from its apt sources (never hard-coded).
host_mirror() {
    local uri
    uri=$( { cat /etc/apt/sources.list.d/*.sources 2>/dev/null || true; } |
        awk '/^URIs:/ {u=$2} /^Suites:/ && /bookworm|trixie|bullseye|stable/ && u ~ /debian\/?$/ {print u; exit}')
    if [ -z "$uri" ]; then
        uri=$( { cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true; } |
            awk '$1=="deb" && $2 ~ /debian\/?$/ {print $2; exit}')
    fi
    [ -n "$uri" ] || die "cannot find a Debian mirror in /etc/apt/sources.list*"
    printf '%s\n' "${uri%/}"
}

packages() { grep -v '^\s*#' "$package_list" | tr -s ' \n' ' '; }

stamp_value() { sha256sum "$package_list" | cut -d' ' -f1; }

# Runs CMD inside the root with private mounts that vanish with the process. What scripts/run.sh
# needs for the desktop comes through two variables (empty for builds and tests):
#   CODESCOUT_ROOT_BINDS  lines "ro PATH" or "rw PATH": host paths bound at the same path, after
#                         the root's fresh /tmp (so /tmp/.X11-unix can be one), parents first
#   CODESCOUT_ROOT_ENV    names of variables passed through (DISPLAY, HOME, LANG, ...)
in_root() {
    local cwd=$PWD inner
    # The script goes in as an argument, not on standard input: CMD keeps the caller's stdin
    # (codescout-cli reads a piped stdin).
    IFS= read -r -d '' inner <<'INNER' || true
set -e
root=$1; checkout=$2; cwd=$3; shift 3
mount --make-rprivate /
mount --rbind /dev "$root/dev"
mount -t proc proc "$root/proc"
mount -t sysfs sysfs "$root/sys" 2>/dev/null || true
mount -t tmpfs tmpfs "$root/tmp"
mkdir -p "$root$checkout"
mount --bind "$checkout" "$root$checkout"
# Share the host's caches (benchmark corpus, ccache) when they exist.
if [ -n "${CODESCOUT_CACHE:-}" ] && [ -d "$CODESCOUT_CACHE" ]; then
    mkdir -p "$root$CODESCOUT_CACHE"; mount --bind "$CODESCOUT_CACHE" "$root$CODESCOUT_CACHE"
fi
# A mount point must exist in the root with the kind of what is bound over it.
while read -r mode path; do
    [ -n "$path" ] || continue
    if [ -d "$path" ]; then mkdir -p "$root$path"
    else mkdir -p "$(dirname "$root$path")"; [ -e "$root$path" ] || : >"$root$path"; fi
    mount --bind "$path" "$root$path"
    [ "$mode" = rw ] || mount -o remount,bind,ro "$root$path"
done <<<"${CODESCOUT_ROOT_BINDS:-}"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
env=(HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
     LANG=C.UTF-8 "TERM=${TERM:-dumb}" "CI=${CI:-}" "CODESCOUT_CACHE=${CODESCOUT_CACHE:-}"
     CODESCOUT_IN_ROOT=1)
for name in ${CODESCOUT_ROOT_ENV:-}; do
    [ -n "${!name+set}" ] && env+=("$name=${!name}")
done
cd "$root$cwd" 2>/dev/null || cd "$root$checkout"
exec chroot "$root" /usr/bin/env -i "${env[@]}" /bin/sh -c 'cd "$0" && exec "$@"' "$cwd" "$@"
INNER
    unshare --mount --fork /bin/bash -c "$inner" in_root "$root" "$checkout" "$cwd" "$@"
}

create_root() {
    [ "$(id -u)" = 0 ] || die "creating the build root needs root (or install Qt >= 6.5 and KF6 SyntaxHighlighting natively)"
    command -v debootstrap >/dev/null || {
        log "installing debootstrap on the host"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
    } || die "could not install debootstrap"
    local mirror tmp
    mirror=$(host_mirror)
    tmp="$root.partial"
    rm -rf "$tmp"; mkdir -p "$(dirname "$root")"
    log "debootstrap trixie from $mirror into $tmp (about 30 s)"
    debootstrap --variant=minbase --include=ca-certificates trixie "$tmp" "$mirror" >"$tmp.log" 2>&1 ||
        { tail -20 "$tmp.log" >&2; die "debootstrap failed (log: $tmp.log)"; }
    printf 'Acquire::Check-Valid-Until "false";\n' >"$tmp/etc/apt/apt.conf.d/99codescout"
    mv "$tmp" "$root"
}

install_packages() {
    log "installing build packages into $root (about a minute)"
    local pk; pk=$(packages)
    # shellcheck disable=SC2086
    in_root /bin/sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $pk >/tmp/apt.log 2>&1 || { tail -30 /tmp/apt.log; exit 1; }" ||
        die "package installation in the build root failed"
    stamp_value >>"$root/.codescout-packages"
}

ensure_root() {
    mkdir -p "$(dirname "$root")"
    exec 9>"$root.lock"
    flock 9
    [ -x "$root/usr/bin/apt-get" ] || create_root
    # The stamp lists every package list installed so far (one hash a line): clones of
    # different commits share the root without installing in turn, as the lists only grow.
    grep -qxF "$(stamp_value)" "$root/.codescout-packages" 2>/dev/null || install_packages
    flock -u 9
}

main() {
    local cmd=${1:-}; shift || true
    case "$cmd" in
        where)  if host_is_sufficient; then echo native; else echo "$root"; fi ;;
        ensure) host_is_sufficient || ensure_root ;;
        run)
            [ $# -gt 0 ] || die "usage: $0 run CMD..."
            if [ "${CODESCOUT_IN_ROOT:-0}" = 1 ] || host_is_sufficient; then exec "$@"; fi
            [ "$(id -u)" = 0 ] || die "this host lacks Qt >= 6.5 and KF6, and the build root needs root: run this with sudo (the application itself then runs as you), or install them natively"
            ensure_root
            in_root "$@" ;;
        *) die "usage: $0 {run CMD...|ensure|where}" ;;
    esac
}
main "$@"
