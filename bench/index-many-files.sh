#!/usr/bin/env bash
# Issue 12's "a million-file tree (memory bounded)", run by hand, never by the test suite:
# generates a tree of N small files (default 1,000,000, in folders of 1,000; seeded, so every run
# has the same bytes), then measures on it, side by side with rg:
#   - the index build: wall time, peak RSS, index size against the source bytes;
#   - a selective literal with --index, without a watcher and with one, against the scan and rg
#     (outputs compared as sets first; times are medians of --runs; peak RSS of each);
#   - the watcher's own peak RSS once it has published (its watches: one per folder);
#   - when the build has bench_live_query, the window's live index on the tree: attach + search
#     time and the process's peak RSS.
# Run inside the build root (the tree must be on a disk the root sees):
#   scripts/buildroot.sh run bench/index-many-files.sh [--files N] [--runs N]
#       [--work DIR] [--build-dir DIR] [--keep]
# The tree and the index go under --work (default /var/cache/codescout/many-files), removed at
# the end unless --keep; a tree already there with the same file count is reused.
set -euo pipefail
checkout=$(cd "$(dirname "$0")/.." && pwd)
. "$checkout/bench/index-watcher.sh"
files=1000000
runs=5
work=/var/cache/codescout/many-files
build_dir="$checkout/build/release"
keep=0
while [ $# -gt 0 ]; do
    case "$1" in
        --files) files=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --build-dir) build_dir=$2; shift 2 ;;
        --keep) keep=1; shift ;;
        *) echo "index-many-files.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
cli="$build_dir/src/cli/codescout-cli"
[ -x "$cli" ] || { echo "index-many-files.sh: $cli not found" >&2; exit 2; }
tree="$work/tree"
export XDG_CACHE_HOME="$work/cache"
watcher=""
cleanup() {
    [ -z "$watcher" ] || kill -TERM "$watcher" 2>/dev/null || true
    if [ "$keep" = 0 ]; then rm -rf "$work"; else rm -rf "$XDG_CACHE_HOME"; fi
}
trap cleanup EXIT

# The tree: folder dNNNN holds 1,000 files of a few lines of identifiers; one file in 10,000 also
# holds "needle_K" (K = its number / 10,000), so a needle matches a handful of files.
if [ "$(cat "$work/.files" 2>/dev/null)" != "$files" ]; then
    rm -rf "$work"
    mkdir -p "$tree"
    t0=$(date +%s.%N)
    python3 - "$tree" "$files" <<'EOF'
import os, random, sys
root, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(12)
words = ["alloc", "buffer", "count", "device", "entry", "flags", "queue", "state", "table", "value",
         "lock", "node", "page", "ring", "slot", "task", "timer", "work", "zone", "irq"]
for i in range(count):
    folder = os.path.join(root, "d%04d" % (i // 1000))
    if i % 1000 == 0:
        os.mkdir(folder)
    lines = ["%s_%s_%d(%s);" % (rng.choice(words), rng.choice(words), rng.randrange(1000), rng.choice(words))
             for _ in range(rng.randrange(3, 9))]
    if i % 10000 == 7:
        lines.insert(rng.randrange(len(lines)), "needle_%d = 1;" % (i // 10000 % 10))
    with open(os.path.join(folder, "f%06d.c" % i), "w") as f:
        f.write("\n".join(lines) + "\n")
EOF
    echo "$files" >"$work/.files"
    echo "generated $files files in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f", b - a}') s"
fi
source_bytes=$(find "$tree" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
echo "tree: $tree ($files files, $(awk -v b="$source_bytes" 'BEGIN {printf "%.1f MB", b/1e6}'))"
echo "binary: $cli ($(stat -c %y "$cli" | cut -d. -f1))"

rm -rf "$XDG_CACHE_HOME"
/usr/bin/time -f '%e %M' -o "$work/build.time" "$cli" --index-build "$tree" >"$work/build.out"
read -r build_s build_kb <"$work/build.time"
index_file=$(sed -n 's/.*: \(\/.*\.idx\)$/\1/p' "$work/build.out")
index_bytes=$(stat -c %s "$index_file")
echo "index build: ${build_s} s, peak RSS $((build_kb / 1024)) MiB; index $(awk -v i="$index_bytes" -v s="$source_bytes" \
    'BEGIN {printf "%.1f MB = %.3fx the source bytes", i/1e6, i/s}')"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Wall seconds and peak RSS (MiB) of one run, output discarded.
timed() { /usr/bin/time -f '%e %M' -o "$work/run.time" "$@" >/dev/null || true; awk '{printf "%s %d\n", $1, $2/1024}' "$work/run.time"; }

query=needle_3
compare_and_time() {
    local label=$1
    scan=$("$cli" -n "$query" "$tree" | sort | md5sum)
    indexed=$("$cli" --index -n "$query" "$tree" | sort | md5sum)
    theirs=$(rg -n "$query" "$tree" | sort | md5sum)
    if [ "$scan" != "$indexed" ] || [ "$scan" != "$theirs" ]; then
        echo "index-many-files.sh: outputs differ (scan $scan, indexed $indexed, rg $theirs)" >&2
        exit 1
    fi
    local rg_t=() rg_m=() scan_t=() scan_m=() idx_t=() idx_m=()
    for _ in $(seq "$runs"); do
        read -r t m < <(timed rg -n "$query" "$tree"); rg_t+=("$t"); rg_m+=("$m")
        read -r t m < <(timed "$cli" -n "$query" "$tree"); scan_t+=("$t"); scan_m+=("$m")
        read -r t m < <(timed "$cli" --index -n "$query" "$tree"); idx_t+=("$t"); idx_m+=("$m")
    done
    local rg_s idx_s
    rg_s=$(printf '%s\n' "${rg_t[@]}" | median)
    idx_s=$(printf '%s\n' "${idx_t[@]}" | median)
    echo
    echo "$label (\`$query\`, $("$cli" -n "$query" "$tree" | wc -l) lines, medians of $runs, load $(cut -d' ' -f1-3 /proc/loadavg)):"
    echo
    echo "| tool | wall s | peak RSS MiB | wall / rg |"
    echo "| --- | ---: | ---: | ---: |"
    printf '| rg | %s | %s | 1 |\n' "$rg_s" "$(printf '%s\n' "${rg_m[@]}" | median)"
    printf '| codescout (scan) | %s | %s | %.3f |\n' "$(printf '%s\n' "${scan_t[@]}" | median)" \
        "$(printf '%s\n' "${scan_m[@]}" | median)" "$(awk -v a="$(printf '%s\n' "${scan_t[@]}" | median)" -v b="$rg_s" 'BEGIN {print a / b}')"
    printf '| codescout --index | %s | %s | %.3f |\n' "$idx_s" "$(printf '%s\n' "${idx_m[@]}" | median)" \
        "$(awk -v a="$idx_s" -v b="$rg_s" 'BEGIN {print a / b}')"
}

compare_and_time "Without a watcher"

watch_out="$work/watch.out"
if start_index_watcher "$cli" "$tree" "$watch_out"; then
    echo
    echo "watcher: $(cat "$watch_out" | head -3 | tr '\n' ' ')"
    compare_and_time "With a watcher"
    echo
    echo "watcher peak RSS: $(awk '/VmHWM/ {printf "%d MiB", $2/1024}' "/proc/$watcher/status"), now $(awk '/VmRSS/ {printf "%d MiB", $2/1024}' "/proc/$watcher/status")"
else
    echo "index-many-files.sh: the watcher did not publish: $(cat "$watch_out")"
fi

live="$build_dir/tests/core/index/bench_live_query"
if [ -x "$live" ]; then
    # The window's own watcher takes the folder's watcher lock: the CLI's watcher goes first.
    [ -z "$watcher" ] || { kill -TERM "$watcher"; wait "$watcher" 2>/dev/null || true; watcher=""; }
    echo
    echo "The window's live index (bench_live_query, load $(cut -d' ' -f1-3 /proc/loadavg)):"
    /usr/bin/time -f '%e %M' -o "$work/live.time" "$live" "$tree" "$XDG_CACHE_HOME/codescout/index" "$runs" "$query" | sed 's/^/    /'
    echo "    live index process: peak RSS $(awk '{printf "%d MiB, %s s in all", $2/1024, $1}' "$work/live.time")"
fi
