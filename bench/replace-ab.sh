#!/usr/bin/env bash
# Same-copy A/B of replace's apply (issue 9): several codescout-cli binaries, interleaved, on ONE
# copy of the Linux tree that every round restores with --undo — so no round pays for the
# deletions of the one before (ext4's "recently deleted" inode scan: see replace-apply.sh), and
# binaries compared in the same round see the same load. Per binary and round: the search alone
# (`-c`, warm), the apply (`-r REP --write PAT`, CODESCOUT_APPLY_TRACE=1: its phases) with a
# fresh undo journal of its own, `--undo`; one line each. In the build environment:
#
#   scripts/buildroot.sh run bench/replace-ab.sh --work DIR [--rounds N] CLI...
#
# Every round's --undo frees the ~11,000 inodes the apply made, and on ext4 without a journal (this
# benchmark machine's disk) the kernel then skips each inode freed in the last 60 s — 360 s while
# its inode table block is dirty, which the next apply's own creates make it — when it allocates
# one (fs/ext4/ialloc.c, recently_deleted()): every apply here after the first pays a scan that an
# apply on a tree nobody just cleaned would not (up to 9% of its CPU samples, ext4_create). It is
# the same for every binary of a round, so the comparison stands; for the absolute figure, put
# DIR on a journaled ext4 (the default mkfs.ext4, as on a desktop; e.g. a loop-mounted image),
# where the kernel does not look.
#
# DIR keeps the copy (DIR/tree, made once) and each apply's journal (DIR/state-*: the applied
# inodes, ~330 MB each after the undo: 48 runs held 22 GB — watch `df`) for later runs: remove
# DIR after the last one (its deletion then frees ~0.5 M inodes: minutes on this disk). The bytes
# and the undo's exactness are replace-apply.sh's to check; this one checks the file count.
set -euo pipefail
work=
rounds=3
pat='\bu16\b'
rep=u16_renamed
corpus=/var/cache/codescout/corpus/linux-source-6.12
while [ $# -gt 0 ]; do
    case "$1" in
        --work) work=${2:?}; shift 2 ;;
        --rounds) rounds=${2:?}; shift 2 ;;
        *) break ;;
    esac
done
[ -n "$work" ] && [ $# -gt 0 ] || { echo "usage: replace-ab.sh --work DIR [--rounds N] CLI..." >&2; exit 2; }
if [ ! -d "$work/tree" ]; then
    mkdir -p "$work"; cp -a "$corpus" "$work/tree.partial"; mv "$work/tree.partial" "$work/tree"; sync
fi
n=$(find "$work" -maxdepth 1 -name "state-*" | wc -l)
for round in $(seq 1 "$rounds"); do
    for cli in "$@"; do
        n=$((n + 1))
        export XDG_STATE_HOME=$work/state-$n
        "$cli" -c "$pat" "$work/tree" >/dev/null || true
        search_s=$( { /usr/bin/time -f '%e' "$cli" -c "$pat" "$work/tree" >/dev/null; } 2>&1 | tail -1)
        sync
        load=$(cut -d' ' -f1 /proc/loadavg)
        apply=$( { CODESCOUT_APPLY_TRACE=1 /usr/bin/time -f 'TIME %e %M %U %S' "$cli" -r "$rep" --write "$pat" "$work/tree" \
            >"$work/apply-$n.out"; } 2>&1 | tee "$work/apply-$n.err" | grep '^TIME' | tail -1)
        read -r _ apply_s rss_kb user_s sys_s <<<"$apply"
        files=$(grep -c . "$work/apply-$n.out" || true)
        undo_s=$( { /usr/bin/time -f '%e' "$cli" --undo >/dev/null; } 2>&1 | tail -1)
        phases=$(grep '^apply-trace' "$work/apply-$n.err" | awk '{printf "%s=%s ", $2, $4}')
        printf 'round %d %s: search %s s, apply %s s, ratio %s, rss %d MiB, user %s s, sys %s s, undo %s s, files %s, load %s | %s\n' \
            "$round" "$cli" "$search_s" "$apply_s" "$(awk -v a="$apply_s" -v s="$search_s" 'BEGIN{printf "%.2f", a/s}')" \
            $((rss_kb / 1024)) "$user_s" "$sys_s" "$undo_s" "$files" "$load" "$phases"
    done
done
