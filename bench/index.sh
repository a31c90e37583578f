#!/usr/bin/env bash
# The index benchmark (issue 12), run by hand, never by the test suite: builds the trigram index
# of the corpus (build time, peak RSS, index size against the source bytes), then times selective
# literal queries with --index side by side with rg, medians of N runs, after checking that the
# indexed output is the scan's (as sets of lines) and counting the candidate files each query
# leaves against the files with a match, without a watcher and then with one
# (`codescout-cli --index-watch` in the background; --no-watch skips that run); then, when the
# build has bench_live_query, the live index's (the window's) attach + search time for the same
# literals. Warm cache; run inside the build root:
#   scripts/buildroot.sh run bench/index.sh [--runs N] [--corpus DIR] [--build-dir DIR]
#       [--cache DIR [--no-build]] [--no-watch]
# The index goes to a scratch XDG_CACHE_HOME, removed at the end; with --cache, to DIR, kept, and
# with --no-build the index already in DIR is used as it is (its build figures are not measured).
set -euo pipefail
checkout=$(cd "$(dirname "$0")/.." && pwd)
. "$checkout/bench/index-watcher.sh"
runs=5
corpus=""
build_dir="$checkout/build/release"
cache=""
build=1
watch=1
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        --corpus) corpus=$2; shift 2 ;;
        --build-dir) build_dir=$2; shift 2 ;;
        --cache) cache=$2; shift 2 ;;
        --no-build) build=0; shift ;;
        --no-watch) watch=0; shift ;;
        *) echo "index.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
cli="$build_dir/src/cli/codescout-cli"
[ -x "$cli" ] || { echo "index.sh: $cli not found (cmake --build --preset release --target codescout-cli)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "index.sh: /usr/bin/time not found" >&2; exit 2; }
[ -n "$corpus" ] || corpus=$("$checkout/scripts/corpus.sh")
export XDG_CACHE_HOME
scratch_cache=""
watcher=""
cleanup() {
    [ -z "$watcher" ] || kill -TERM "$watcher" 2>/dev/null || true
    [ -z "$scratch_cache" ] || rm -rf "$scratch_cache"
}
trap cleanup EXIT
if [ -n "$cache" ]; then
    mkdir -p "$cache"
    XDG_CACHE_HOME=$(cd "$cache" && pwd)
else
    [ "$build" = 1 ] || { echo "index.sh: --no-build needs --cache" >&2; exit 2; }
    XDG_CACHE_HOME=$(mktemp -d)
    scratch_cache=$XDG_CACHE_HOME
fi

# Selective literal queries: the benchmark's literal ones and identifiers of several rarities.
queries=(PM_RESUME "-i PM_RESUME" "-w PM_RESUME" "ERR_SYS|PME_TURN_OFF|LINK_REQ_RST|CFG_BME_EVT"
    spin_lock_irqsave_nested kmem_cache_alloc_node EXPORT_SYMBOL_GPL_FOR_MODULES
    "-F drm_atomic_helper_commit" nvme_submit_sync_cmd)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now() { date +%s.%N; }

source_bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
echo "corpus: $corpus ($(awk -v b="$source_bytes" 'BEGIN {printf "%.2f GB in all files", b/1e9}'))"

# Build: wall time and peak RSS, on all cores (2 here).
if [ "$build" = 1 ]; then
    /usr/bin/time -f '%e %M' -o /tmp/index-build.time "$cli" --index-build "$corpus" >/tmp/index-build.out
    read -r build_s build_kb </tmp/index-build.time
    cat /tmp/index-build.out
    index_file=$(sed -n 's/.*: \(\/.*\.idx\)$/\1/p' /tmp/index-build.out)
    index_bytes=$(stat -c %s "$index_file")
    echo "build: ${build_s} s, peak RSS $((build_kb / 1024)) MiB; index $(awk -v i="$index_bytes" -v s="$source_bytes" \
        'BEGIN {printf "%.1f MB = %.3fx the source bytes", i/1e6, i/s}')"
else
    "$cli" --index-status "$corpus" | sed -n '1,3p'
fi
echo "load average at the start of the queries: $(cut -d' ' -f1-3 /proc/loadavg)"

# Times every query: equality first, then rg and --index side by side, medians of $runs.
time_queries() {
    echo
    echo "| query | lines | rg s | codescout --index s | ratio |"
    echo "| --- | ---: | ---: | ---: | ---: |"
    for q in "${queries[@]}"; do
        read -ra args <<<"$q"
        # Equality first: the indexed lines are the scan's and rg's, as sets.
        scan=$("$cli" -n "${args[@]}" "$corpus" | sort | md5sum)
        indexed=$("$cli" --index -n "${args[@]}" "$corpus" | sort | md5sum)
        theirs=$(rg -n "${args[@]}" "$corpus" | sort | md5sum)
        lines=$("$cli" --index -n "${args[@]}" "$corpus" | wc -l)
        if [ "$scan" != "$indexed" ] || [ "$scan" != "$theirs" ]; then
            echo "index.sh: '$q': outputs differ (scan $scan, indexed $indexed, rg $theirs)" >&2
            exit 1
        fi
        rg_times=(); idx_times=()
        for _ in $(seq "$runs"); do
            t0=$(now); rg -n "${args[@]}" "$corpus" >/dev/null || true; t1=$(now)
            "$cli" --index -n "${args[@]}" "$corpus" >/dev/null || true; t2=$(now)
            rg_times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')")
            idx_times+=("$(awk -v a="$t1" -v b="$t2" 'BEGIN {print b - a}')")
        done
        rg_m=$(printf '%s\n' "${rg_times[@]}" | median)
        idx_m=$(printf '%s\n' "${idx_times[@]}" | median)
        printf '| `%s` | %s | %.3f | %.3f | %.3f |\n' "$q" "$lines" "$rg_m" "$idx_m" "$(awk -v a="$idx_m" -v b="$rg_m" 'BEGIN {print a / b}')"
    done
    echo "load average after these queries: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# How selective the index is: the files it lets through to verification against the files that
# hold a match (rg -l), per query (CODESCOUT_INDEX_TRACE's candidate count).
echo
echo "| query | candidate files | files with a match |"
echo "| --- | ---: | ---: |"
for q in "${queries[@]}"; do
    read -ra args <<<"$q"
    candidates=$(CODESCOUT_INDEX_TRACE=1 "$cli" --index -n "${args[@]}" "$corpus" 2>&1 >/dev/null |
        sed -n 's/.*candidates \([0-9]*\),.*/\1/p')
    printf '| `%s` | %s | %s |\n' "$q" "$candidates" "$(rg -l "${args[@]}" "$corpus" | wc -l)"
done

echo
echo "Without a watcher (every file not among the candidates proven unchanged by a stat):"
time_queries

# What --index did for one query (replayed walk or not, folders read again, stats to check).
echo
CODESCOUT_INDEX_TRACE=1 "$cli" --index -n kmem_cache_alloc_node "$corpus" 2>&1 >/dev/null | sed 's/^/    /'

# With a watcher (codescout-cli --index-watch in the background): --index trusts it through a
# sync cookie and stats only what the watcher saw change. The watcher first compares the folder
# with the index (seconds on the kernel tree); the queries start once it publishes.
if [ "$watch" = 1 ]; then
    echo
    watch_out=$(mktemp)
    if ! start_index_watcher "$cli" "$corpus" "$watch_out"; then
        echo "index.sh: the watcher did not start: $(cat "$watch_out")" >&2
        exit 1
    fi
    echo "With a watcher ($(cat "$watch_out")):"
    time_queries
    echo
    CODESCOUT_INDEX_TRACE=1 "$cli" --index -n kmem_cache_alloc_node "$corpus" 2>&1 >/dev/null | sed 's/^/    /'
    kill -TERM "$watcher"
    wait "$watcher" || true
    watcher=""
    rm -f "$watch_out"
fi

live="$build_dir/tests/core/index/bench_live_query"
if [ -x "$live" ]; then
    echo
    echo "Live index (the window's path: inotify, no stats), literals:"
    "$live" "$corpus" "$XDG_CACHE_HOME/codescout/index" "$runs" PM_RESUME spin_lock_irqsave_nested \
        kmem_cache_alloc_node EXPORT_SYMBOL_GPL_FOR_MODULES drm_atomic_helper_commit nvme_submit_sync_cmd
fi
