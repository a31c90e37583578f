#!/usr/bin/env bash
# Builds the DEB, RPM and TGZ packages from BUILD_DIR with cpack, in a temporary folder, and
# checks their metadata, computed dependencies and contents (test packaging_packages).
# Needs no root and no network; the install test (test-install.sh) goes further for the .deb.
#
#   packaging/check-packages.sh BUILD_DIR VERSION HAS_GUI(0|1) [COLLECTOR_DIR]
# COLLECTOR_DIR: where the collector plugins go, relative to the prefix (lib/codescout/collectors).
# Exit status: 0 passed, 1 failed, 77 skipped (no cpack). A generator whose tool is missing
# (dpkg-deb, rpmbuild) is reported and left out.
set -euo pipefail
build_dir=$(cd "${1:?usage: check-packages.sh BUILD_DIR VERSION HAS_GUI}" && pwd)
version=${2:?}
has_gui=${3:?}
collector_dir=${4:-lib/codescout/collectors}
cpack=${CPACK:-$(dirname "$(command -v cmake)")/cpack}
[ -x "$cpack" ] || { echo "SKIP: cpack not found"; exit 77; }

work=$(mktemp -d /tmp/codescout-packages.XXXXXX)
trap 'rm -rf "$work"' EXIT
failed=0
bad() { echo "FAIL: $*"; failed=1; }
# has LIST ITEM: the newline-separated LIST contains the line ITEM.
has() { grep -qxF -- "$2" <<<"$1"; }

# Paths every package must hold, relative to the prefix.
expected=(bin/codescout-cli share/man/man1/codescout-cli.1.gz share/doc/codescout/LICENSE
    "$collector_dir/codescout-collector-process-io.so" "$collector_dir/codescout-collector-cgroup-memory.so"
    include/codescout/codescout_collector.h)
if [ "$has_gui" = 1 ]; then
    expected+=(bin/codescout share/man/man1/codescout.1.gz
        share/applications/io.codescout.CodeScout.desktop
        share/metainfo/io.codescout.CodeScout.metainfo.xml
        share/icons/hicolor/scalable/apps/io.codescout.CodeScout.svg)
    for size in 16 22 24 32 48 64 128 256; do
        expected+=("share/icons/hicolor/${size}x${size}/apps/io.codescout.CodeScout.png")
    done
fi

generators=TGZ
command -v dpkg-deb >/dev/null && generators="$generators;DEB" || echo "note: dpkg-deb not found, no DEB check"
command -v rpmbuild >/dev/null && generators="$generators;RPM" || echo "note: rpmbuild not found, no RPM check"
if ! (cd "$work" && "$cpack" -G "$generators" --config "$build_dir/CPackConfig.cmake" -B "$work") \
        >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log"; echo "FAIL: cpack -G $generators failed"; exit 1
fi

# TGZ: the install tree under codescout-VERSION-Linux/.
tgz="$work/codescout-$version-Linux.tar.gz"
if [ -f "$tgz" ]; then
    listing=$(tar -tzf "$tgz")
    for path in "${expected[@]}"; do
        has "$listing" "codescout-$version-Linux/$path" || bad "TGZ lacks $path"
    done
    echo "TGZ: $(basename "$tgz"), $(printf '%s\n' "$listing" | grep -vc '/$') files"
else
    bad "no $(basename "$tgz")"
fi

# DEB: control fields, dependencies from dpkg-shlibdeps, contents.
if [[ $generators == *DEB* ]]; then
    deb="$work/codescout_${version}_$(dpkg --print-architecture).deb"
    if [ -f "$deb" ]; then
        field() { dpkg-deb -f "$deb" "$1"; }
        [ "$(field Package)" = codescout ] || bad "DEB Package: $(field Package)"
        [ "$(field Version)" = "$version" ] || bad "DEB Version: $(field Version)"
        [ "$(field Section)" = utils ] || bad "DEB Section: $(field Section)"
        for f in Maintainer Homepage Description Architecture; do
            [ -n "$(field "$f")" ] || bad "DEB $f is empty"
        done
        depends=$(field Depends)
        wanted=(libc6 libstdc++6 libpcre2-8-0 libre2-11)
        [ "$has_gui" = 1 ] && wanted+=(libqt6core6 libqt6widgets6 libqt6charts6 libkf6syntaxhighlighting6)
        for lib in "${wanted[@]}"; do
            lib_re=$(printf "%s" "$lib" | sed "s/[+.]/\\\\&/g")
            # t64 suffixes (Debian's 64-bit time_t transition) and the Abseil ABI (libre2-11-absl20240722)
            # are part of some names.
            grep -qE "(^|, )${lib_re}(t64|-absl[0-9]+)?( |,|$)" <<<"$depends" || bad "DEB Depends lacks $lib: $depends"
        done
        listing=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./usr/||')
        for path in "${expected[@]}"; do
            has "$listing" "$path" || bad "DEB lacks /usr/$path"
        done
        echo "DEB: $(basename "$deb"), Depends: $depends"
    else
        bad "no $(basename "$deb")"
    fi
fi

# RPM: header fields, automatic requires, contents, no claim on directories the system owns.
if [[ $generators == *RPM* ]]; then
    rpmfile=$(ls "$work"/codescout-"$version"-1.*.rpm 2>/dev/null | head -1)
    if [ -n "$rpmfile" ] && command -v rpm >/dev/null; then
        q() { rpm -qp --queryformat "$1" "$rpmfile" 2>/dev/null; }
        [ "$(q '%{NAME}')" = codescout ] || bad "RPM Name: $(q '%{NAME}')"
        [ "$(q '%{VERSION}')" = "$version" ] || bad "RPM Version: $(q '%{VERSION}')"
        [ "$(q '%{LICENSE}')" = MIT ] || bad "RPM License: $(q '%{LICENSE}')"
        for tag in URL SUMMARY DESCRIPTION; do
            [ -n "$(q "%{$tag}")" ] && [ "$(q "%{$tag}")" != "(none)" ] || bad "RPM $tag is empty"
        done
        requires=$(rpm -qpR "$rpmfile" 2>/dev/null)
        wanted=('libc.so.6()(64bit)' 'libstdc++.so.6()(64bit)' 'libpcre2-8.so.0()(64bit)' 'libre2.so.11()(64bit)')
        [ "$has_gui" = 1 ] && wanted+=('libQt6Core.so.6()(64bit)' 'libQt6Widgets.so.6()(64bit)'
            'libKF6SyntaxHighlighting.so.6()(64bit)')
        for req in "${wanted[@]}"; do
            has "$requires" "$req" || bad "RPM requires lack $req"
        done
        listing=$(rpm -qpl "$rpmfile" 2>/dev/null)
        for path in "${expected[@]}"; do
            has "$listing" "/usr/$path" || bad "RPM lacks /usr/$path"
        done
        for dir in /usr/share/applications /usr/share/metainfo /usr/share/man/man1 /usr/share/icons/hicolor \
                   /usr/share/icons/hicolor/48x48/apps /usr/bin /usr/share; do
            has "$listing" "$dir" && bad "RPM claims the system directory $dir"
        done
        echo "RPM: $(basename "$rpmfile"), $(printf '%s\n' "$requires" | grep -vc '^rpmlib') requirements"
    else
        bad "no codescout-$version-1.*.rpm (or no rpm to read it)"
    fi
fi

[ "$failed" = 0 ] && echo "packages OK"
exit "$failed"
