#!/usr/bin/env bash
# Install test of the Debian package (issue #4), run by CTest as packaging_install:
#   1. builds the .deb from BUILD_DIR with cpack, in a temporary folder;
#   2. starts from a clean Debian 13 root: a minbase debootstrap made once into a cache and
#      mounted read-only under a fresh overlay for every run (or copied, when overlayfs is
#      unavailable), inside a private mount namespace, so each run starts clean and leaves
#      nothing behind;
#   3. apt-get installs ./codescout_*.deb there (dependencies come only from the package's
#      computed Depends: no recommends);
#   4. runs codescout-cli --version and codescout --version (offscreen), validates the installed
#      desktop entry and AppStream metainfo, searches a small tree with the installed CLI;
#   5. purges the package and checks that no file it installed remains.
#
#   packaging/test-install.sh BUILD_DIR [HAS_GUI]
# HAS_GUI (1 or 0, default 1): whether the build includes the desktop application; with 1, a
# package without /usr/bin/codescout fails the test.
#
# Exit status: 0 passed, 1 failed, 77 skipped (not root, no debootstrap, no mirror...), with the
# reason on stdout. Environment:
#   CPACK                          the cpack to use (default: cpack next to cmake, or on PATH)
#   CODESCOUT_INSTALL_TEST_CACHE   cache folder (default /var/cache/codescout/install-test);
#                                  holds root/ (the clean root) and apt/ (downloaded .debs)
#   CODESCOUT_INSTALL_TEST_SUITE   Debian suite of the clean root (default trixie = Debian 13)
set -euo pipefail

build_dir=${1:?usage: test-install.sh BUILD_DIR [HAS_GUI]}
has_gui=${2:-1}
build_dir=$(cd "$build_dir" && pwd)
cache=${CODESCOUT_INSTALL_TEST_CACHE:-/var/cache/codescout/install-test}
suite=${CODESCOUT_INSTALL_TEST_SUITE:-trixie}
base="$cache/root"
apt_cache="$cache/apt"

say() { printf 'test-install: %s\n' "$*"; }
skip() { say "SKIP: $*"; exit 77; }
fail() { say "FAIL: $*"; exit 1; }

# ---- can this environment run the test at all? ------------------------------------------------
[ "$(id -u)" = 0 ] || skip "needs root (debootstrap, chroot and mounts)"
for tool in unshare chroot mount dpkg-deb; do
    command -v "$tool" >/dev/null || skip "$tool not found"
done
for tool in desktop-file-validate appstreamcli; do
    command -v "$tool" >/dev/null || skip "$tool not found (packages desktop-file-utils, appstream)"
done
[ -f "$build_dir/CPackConfig.cmake" ] || fail "$build_dir/CPackConfig.cmake missing: configure the build first"
cpack=${CPACK:-$(dirname "$(command -v cmake)")/cpack}
[ -x "$cpack" ] || cpack=$(command -v cpack) || skip "cpack not found"

# The Debian mirror this machine already uses, from its apt sources (never a hard-coded host).
find_mirror() {
    local uri
    uri=$( { cat /etc/apt/sources.list.d/*.sources 2>/dev/null || true; } |
        awk '/^URIs:/ {u=$2} /^Suites:/ && u ~ /debian\/?$/ {print u; exit}')
    if [ -z "$uri" ]; then
        uri=$( { cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true; } |
            awk '$1=="deb" && $2 ~ /debian\/?$/ {print $2; exit}')
    fi
    printf '%s\n' "${uri%/}"
}
mirror=$(find_mirror)
[ -n "$mirror" ] || skip "no Debian mirror in /etc/apt/sources.list*"

# unshare makes / private by default, which fails inside a chroot whose / is no mount point; the
# build root (scripts/buildroot.sh) already runs in a private namespace, so "unchanged" is safe.
if unshare --mount true 2>/dev/null; then
    unshare_mount=(unshare --mount --fork)
else
    unshare_mount=(unshare --mount --propagation unchanged --fork)
fi

work=$(mktemp -d /tmp/codescout-install-test.XXXXXX)
cleanup() { rm -rf --one-file-system "$work"; }
trap cleanup EXIT

# Every run needs the mirror (apt-get update, the package's dependencies).
/usr/lib/apt/apt-helper download-file "$mirror/dists/$suite/Release" "$work/Release" \
    >/dev/null 2>&1 || skip "Debian mirror $mirror unreachable"

# ---- 1. the package ---------------------------------------------------------------------------
say "building the .deb with $cpack"
mkdir -p "$work/pkg"
if ! (cd "$work/pkg" && "$cpack" -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/pkg") \
        >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log"
    fail "cpack -G DEB failed"
fi
deb=$(ls "$work"/pkg/codescout_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { cat "$work/cpack.log"; fail "cpack produced no codescout_*.deb"; }
version=$(dpkg-deb -f "$deb" Version)
say "package $(basename "$deb"), version $version, Depends: $(dpkg-deb -f "$deb" Depends)"
contents=$(dpkg-deb -c "$deb")
for program in codescout-cli $([ "$has_gui" = 1 ] && echo codescout); do
    grep -q " \./usr/bin/$program\$" <<<"$contents" || fail "the package lacks /usr/bin/$program"
done

# ---- 2. the clean root (made once) ------------------------------------------------------------
mkdir -p "$cache" "$apt_cache"
exec 9>"$cache/.lock"
flock 9
if [ ! -f "$base/.complete" ]; then
    command -v debootstrap >/dev/null || skip "debootstrap not found (package debootstrap)"
    say "creating the clean Debian root $base from $mirror (once, about a minute)"
    rm -rf --one-file-system "$base.partial"
    mkdir -p "$cache/debootstrap"
    debootstrap --variant=minbase --cache-dir="$cache/debootstrap" "$suite" "$base.partial" "$mirror" \
        >"$cache/debootstrap.log" 2>&1 || { tail -20 "$cache/debootstrap.log"; fail "debootstrap failed"; }
    # Package lists are fetched once here; each run refreshes them cheaply (If-Modified-Since).
    printf 'Acquire::Check-Valid-Until "false";\n' >"$base.partial/etc/apt/apt.conf.d/99codescout"
    printf 'force-unsafe-io\n' >"$base.partial/etc/dpkg/dpkg.cfg.d/99codescout"
    cp /etc/resolv.conf "$base.partial/etc/resolv.conf" 2>/dev/null || true
    chroot "$base.partial" apt-get update -qq >"$cache/apt-update.log" 2>&1 ||
        { cat "$cache/apt-update.log"; fail "apt-get update in the new root failed"; }
    chroot "$base.partial" apt-get clean
    touch "$base.partial/.complete"
    mv "$base.partial" "$base"
fi
flock -u 9

# ---- 3.-5. install, check, purge: in a private mount namespace ---------------------------------
# The inner script gets everything as arguments; its mounts vanish when it exits.
cp "$deb" "$work/"
set +e
"${unshare_mount[@]}" /bin/bash -s -- "$base" "$work" "$apt_cache" "$(basename "$deb")" "$version" "$has_gui" <<'INNER'
set -euo pipefail
base=$1; work=$2; apt_cache=$3; deb=$4; version=$5; has_gui=$6
say() { printf 'test-install: %s\n' "$*"; }
fail() { say "FAIL: $*"; exit 1; }
root="$work/root"
mkdir -p "$root" "$work/upper" "$work/ovl-work"
if mount -t overlay overlay -o "lowerdir=$base,upperdir=$work/upper,workdir=$work/ovl-work" "$root" 2>/dev/null; then
    say "clean root: overlay over $base"
else
    say "clean root: overlayfs unavailable, copying $base"
    cp -a "$base/." "$root/"
fi
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount -t tmpfs tmpfs "$root/tmp"
mkdir -p "$root/var/cache/apt/archives"
mount --bind "$apt_cache" "$root/var/cache/apt/archives"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
cp "$work/$deb" "$root/tmp/"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

say "apt-get install ./$deb"
in_root apt-get update -qq >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get update failed"; }
in_root sh -c "cd /tmp && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends ./$deb" \
    >"$work/apt.log" 2>&1 || { tail -40 "$work/apt.log"; fail "apt-get install ./$deb failed"; }
say "$(grep -c "^Setting up" "$work/apt.log" || true) packages set up"
files=$(in_root dpkg-query -L codescout)

# --version: the installed binaries start, find their libraries and report the package version.
out=$(in_root codescout-cli --version 2>&1) || fail "codescout-cli --version failed: $out"
case "$out" in *"$version"*) say "codescout-cli --version: $out" ;;
    *) fail "codescout-cli --version does not name version $version: $out" ;; esac
if [ "$has_gui" = 1 ]; then
    out=$(in_root QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp codescout --version 2>&1) ||
        fail "codescout --version failed: $out"
    case "$out" in *"$version"*) say "codescout --version: $(printf '%s' "$out" | tail -1)" ;;
        *) fail "codescout --version does not name version $version: $out" ;; esac

    # Desktop integration, validated where it was installed.
    desktop="$root/usr/share/applications/io.codescout.CodeScout.desktop"
    metainfo="$root/usr/share/metainfo/io.codescout.CodeScout.metainfo.xml"
    [ -f "$desktop" ] || fail "desktop entry not installed"
    [ -f "$metainfo" ] || fail "metainfo not installed"
    desktop-file-validate "$desktop" || fail "desktop-file-validate rejects the installed desktop entry"
    appstreamcli validate --no-net "$metainfo" >"$work/as.log" 2>&1 ||
        { cat "$work/as.log"; fail "appstreamcli rejects the installed metainfo"; }
    say "desktop entry and metainfo valid"
    for icon in scalable/apps/io.codescout.CodeScout.svg 16x16/apps/io.codescout.CodeScout.png \
                48x48/apps/io.codescout.CodeScout.png 256x256/apps/io.codescout.CodeScout.png; do
        [ -s "$root/usr/share/icons/hicolor/$icon" ] || fail "icon $icon not installed"
    done
fi
for page in codescout-cli.1.gz; do
    [ -s "$root/usr/share/man/man1/$page" ] || fail "man page $page not installed"
done

# A small tree searched by the installed CLI: hidden and binary files must be skipped, matches
# printed as PATH:LINE:TEXT, exit status 0 on a match and 1 without.
tree="$root/srv/tree"
mkdir -p "$tree/sub" "$tree/.hidden"
printf 'int main(void)\n{\n    return PM_RESUME;\n}\n' >"$tree/main.c"
printf 'first line\nPM_RESUME in text\nPM_SUSPEND\n' >"$tree/sub/notes.txt"
printf 'PM_RESUME hidden\n' >"$tree/.hidden/secret.txt"
printf 'PM_RESUME\000binary\n' >"$tree/blob.bin"
expected=$(printf '%s\n' "/srv/tree/main.c:3:    return PM_RESUME;" "/srv/tree/sub/notes.txt:2:PM_RESUME in text")
got=$(in_root codescout-cli --sort path PM_RESUME /srv/tree) || fail "codescout-cli PM_RESUME exited $?"
[ "$got" = "$expected" ] || fail "search output differs: expected
$expected
got
$got"
rc=0; in_root codescout-cli NO_SUCH_THING_ANYWHERE /srv/tree >/dev/null || rc=$?
[ "$rc" = 1 ] || fail "codescout-cli without a match exited $rc, expected 1"
say "search of a small tree: output and exit codes as expected"
# The packaged collector plugins are found beside the program, without any environment variable,
# and load without a warning.
metrics=$(in_root codescout-cli --stats-only --metrics-format prometheus PM_RESUME /srv/tree 2>&1) ||
    fail "codescout-cli --metrics-format prometheus exited $?: $metrics"
for name in codescout_io_read_bytes_total codescout_io_read_syscalls_total \
            codescout_cgroup_memory_current_bytes codescout_cgroup_memory_max_bytes; do
    grep -q "^# TYPE $name " <<<"$metrics" || fail "the installed CLI's Prometheus output lacks $name: $metrics"
done
! grep -q "warning: collector" <<<"$metrics" || fail "the installed collector plugins do not load: $metrics"
say "the installed collector plugins are found and sampled"

# Purge, then every path the package listed must be gone, except directories that other
# packages own or that the clean root already had.
in_root env DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -q codescout >"$work/apt.log" 2>&1 ||
    { tail -20 "$work/apt.log"; fail "apt-get remove --purge codescout failed"; }
status=$(in_root dpkg-query -W -f '${Status}' codescout 2>/dev/null || true)
case "$status" in
    ""|*not-installed) ;;
    *) fail "dpkg still knows codescout after the purge: $status" ;;
esac
left=""
while IFS= read -r path; do
    [ -n "$path" ] && [ "$path" != "/." ] || continue
    [ -e "$root$path" ] || [ -L "$root$path" ] || continue
    if [ -d "$root$path" ] && { [ -d "$base$path" ] || in_root dpkg-query -S "$path" >/dev/null 2>&1; }; then
        continue
    fi
    left="$left $path"
done <<EOF_FILES
$files
EOF_FILES
[ -z "$left" ] || fail "left behind after the purge:$left"
say "purged: none of the $(printf '%s\n' "$files" | wc -l) listed paths remains"
INNER
status=$?
set -e
[ "$status" = 0 ] && say "PASS" 
exit "$status"
