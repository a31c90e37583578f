#!/usr/bin/env bash
# Replace's apply on a copy of the Linux tree (issue 9, targets): the time of `-r REP --write PAT`
# against the time of the search alone (`-c PAT`), the apply's peak resident size, the bytes
# against `perl -pi -e 's/PAT/REP/g'` on a second copy, and `--undo` restoring the first copy
# byte for byte with its mtimes. Not a test: run it by hand, in the build environment:
#
#   scripts/buildroot.sh run bench/replace-apply.sh [--cli PATH] [--work DIR] [--keep] [PAT REP]
#
# Defaults: the release preset's codescout-cli, DIR /var/cache/codescout/replace-bench (two
# copies of the tree: about 3 GB), PAT '\bu16\b' (about 88,000 matches), REP 'u16_renamed'.
# PAT must mean the same to PCRE2 and perl on this tree (ASCII words, no Unicode classes).
# --keep leaves DIR's copies in place instead of removing them at the end (remove them later).
#
# Deletions shortly before the apply can slow it down on ext4 without a journal (this VM's root
# file system): allocating an inode skips every inode of the group freed in the last 60 s (360 s
# while its inode-table block is dirty), testing each in turn, so each temporary file the apply
# creates may pay for thousands freed by the previous run's `rm -rf` — when the new copy's folders
# land in the groups just freed. Seen once on a copy of drivers/net made right after deleting the
# previous copy: writing pass 3.4 s instead of 0.6-1.1 s, 38% of the apply's samples in ext4's
# find_inode_bit → recently_deleted; not seen in a second try. The script says how long before the
# apply it deleted anything itself; for back-to-back runs use a fresh --work and --keep, and
# remove the copies after the last run (bench/RESULTS.md, issue 9).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
checkout=$(cd "$here/.." && pwd)
cli=$checkout/build/release/src/cli/codescout-cli
work=/var/cache/codescout/replace-bench
corpus=/var/cache/codescout/corpus/linux-source-6.12
keep=0
while [ $# -gt 0 ]; do
    case "$1" in
        --cli) cli=${2:?}; shift 2 ;;
        --work) work=${2:?}; shift 2 ;;
        --keep) keep=1; shift ;;
        *) break ;;
    esac
done
pat=${1:-'\bu16\b'}
rep=${2:-u16_renamed}
[ -x "$cli" ] || { echo "replace-apply: no $cli (build the release preset)" >&2; exit 2; }
[ -d "$corpus" ] || { echo "replace-apply: no corpus at $corpus (run scripts/corpus.sh)" >&2; exit 2; }

deleted_at=
if [ -e "$work" ]; then rm -rf "$work"; deleted_at=$(date +%s); fi
mkdir -p "$work/state"
cp -a "$corpus" "$work/ours"; cp -a "$corpus" "$work/perl"
export XDG_STATE_HOME=$work/state
snapshot() { (cd "$1" && find . -type f -printf '%p %s %T@\n' | sort && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
snapshot "$work/ours" > "$work/before.txt"
# The copies' own writeback must not be timed as the apply's: the apply flushes its file system
# (syncfs) and would wait for gigabytes of someone else's dirty pages.
sync
# Warm the page cache for both copies, then time the search alone.
"$cli" -c "$pat" "$work/ours" >/dev/null || true
matches=$("$cli" -o "$pat" "$work/ours" | wc -l)
search_s=$( { /usr/bin/time -f '%e' "$cli" -c "$pat" "$work/ours" >/dev/null; } 2>&1 | tail -1)
since_delete=${deleted_at:+$(( $(date +%s) - deleted_at )) s after this script removed the previous $work}
apply=$( { /usr/bin/time -f '%e %M' "$cli" -r "$rep" --write "$pat" "$work/ours" >"$work/apply.out"; } 2>&1 | tail -1)
apply_s=${apply% *}; apply_kb=${apply#* }
files=$(grep -c . "$work/apply.out" || true)
perl_s=$( { /usr/bin/time -f '%e' sh -c "cd '$work/perl' && grep -rlZP '$pat' . | xargs -0 perl -pi -e 's/$pat/$rep/g'"; } 2>&1 | tail -1)
sync  # perl's writes are not flushed: not the undo's to wait for
same=yes; diff -r "$work/ours" "$work/perl" >"$work/perl.diff" 2>&1 || same="no ($(grep -c '^diff\|^Only' "$work/perl.diff") files differ, $work/perl.diff)"
undo_s=$( { /usr/bin/time -f '%e' "$cli" --undo >"$work/undo.out"; } 2>&1 | tail -1)
snapshot "$work/ours" > "$work/after-undo.txt"
restored=yes; cmp -s "$work/before.txt" "$work/after-undo.txt" || restored="no (diff $work/before.txt $work/after-undo.txt)"
echo "| figure | value |"
echo "| --- | ---: |"
echo "| pattern / replacement | \`$pat\` → \`$rep\` |"
echo "| matches | $matches |"
echo "| search alone (\`-c\`), wall | $search_s s |"
echo "| apply (\`-r --write\`, includes its search), wall | $apply_s s |"
echo "| apply / search | $(awk -v a="$apply_s" -v s="$search_s" 'BEGIN{printf "%.2f", a/s}') |"
echo "| apply, peak resident | $((apply_kb / 1024)) MiB |"
echo "| apply output lines (files changed and notes) | $files |"
echo "| perl -pi on the same files, wall | $perl_s s |"
echo "| bytes identical to perl's | $same |"
echo "| \`--undo\`, wall | $undo_s s |"
echo "| tree restored byte for byte with mtimes | $restored |"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; cli: $cli"
[ -z "$since_delete" ] || echo "apply started $since_delete (see the header: deletions)"
if [ "$keep" = 1 ]; then echo "kept: $work (remove it when done)"; else rm -rf "$work/ours" "$work/perl"; fi
