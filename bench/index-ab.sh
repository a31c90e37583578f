#!/usr/bin/env bash
# Before/after for the index (issue 12), run by hand inside the build root: two codescout-cli
# builds, each on its own index of the corpus (built beforehand with that build's --index-build
# into its cache folder: formats differ), each with its own watcher (--index-watch) running, timed
# with --index interleaved with rg on the same queries; medians of N, wall and CPU (user + sys),
# each output checked against rg's as sets first.
#   scripts/buildroot.sh run bench/index-ab.sh --before CLI --before-cache DIR --after CLI
#       --after-cache DIR [--runs N] [--corpus DIR] [--no-watch] QUERY...
# A QUERY is one argument holding the flags and the pattern, split on spaces (as bench/index.sh).
set -euo pipefail
checkout=$(cd "$(dirname "$0")/.." && pwd)
. "$checkout/bench/index-watcher.sh"
runs=5
corpus=""
watch=1
before=""; before_cache=""; after=""; after_cache=""
while [ $# -gt 0 ]; do
    case "$1" in
        --before) before=$2; shift 2 ;;
        --before-cache) before_cache=$(cd "$2" && pwd); shift 2 ;;
        --after) after=$2; shift 2 ;;
        --after-cache) after_cache=$(cd "$2" && pwd); shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --corpus) corpus=$2; shift 2 ;;
        --no-watch) watch=0; shift ;;
        --) shift; break ;;
        -*) echo "index-ab.sh: unknown option $1" >&2; exit 2 ;;
        *) break ;;
    esac
done
[ -x "$before" ] && [ -x "$after" ] && [ -n "$before_cache" ] && [ -n "$after_cache" ] && [ $# -gt 0 ] ||
    { echo "index-ab.sh: needs --before CLI --before-cache DIR --after CLI --after-cache DIR and queries" >&2; exit 2; }
[ -n "$corpus" ] || corpus=$("$checkout/scripts/corpus.sh")
work=$(mktemp -d /tmp/codescout-index-ab.XXXXXX)
watchers=()
cleanup() {
    for w in ${watchers[@]+"${watchers[@]}"}; do kill -TERM "$w" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

if [ "$watch" = 1 ]; then
    for side in before after; do
        cli=${!side}; cache_var=${side}_cache
        XDG_CACHE_HOME=${!cache_var} start_index_watcher "$cli" "$corpus" "$work/$side.watch" ||
            { echo "index-ab.sh: $side's watcher did not start: $(cat "$work/$side.watch")" >&2; exit 1; }
        watchers+=("$watcher")
    done
fi

median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
# One timed run: appends "wall cpu" to FILE.
timed() { # FILE CACHE COMMAND...
    local file=$1 cache=$2; shift 2
    local t0 t1
    t0=$(date +%s.%N)
    XDG_CACHE_HOME=$cache /usr/bin/time -f '%U %S' -o "$work/cpu" "$@" >/dev/null 2>&1 || true
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" '{print b - a, $1 + $2}' "$work/cpu" >>"$file"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); watchers: $([ "$watch" = 1 ] && echo yes || echo no)"
echo
echo "| query | rg s | before s | after s | before / rg | **after / rg** | CPU before / rg | CPU after / rg |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for q in "$@"; do
    read -ra args <<<"$q"
    theirs=$(rg -n "${args[@]}" "$corpus" | sort | md5sum)
    for side in before after; do
        cli=${!side}; cache_var=${side}_cache
        ours=$(XDG_CACHE_HOME=${!cache_var} "$cli" --index -n "${args[@]}" "$corpus" | sort | md5sum)
        [ "$ours" = "$theirs" ] || { echo "index-ab.sh: '$q': $side's output differs from rg's" >&2; exit 1; }
    done
    : >"$work/rg"; : >"$work/before"; : >"$work/after"
    for _ in $(seq "$runs"); do
        timed "$work/rg" "$HOME" rg -n "${args[@]}" "$corpus"
        timed "$work/before" "$before_cache" "$before" --index -n "${args[@]}" "$corpus"
        timed "$work/after" "$after_cache" "$after" --index -n "${args[@]}" "$corpus"
    done
    for f in rg before after; do
        eval "${f}_w=\$(cut -d' ' -f1 \"\$work/$f\" | median)"
        eval "${f}_c=\$(cut -d' ' -f2 \"\$work/$f\" | median)"
    done
    r() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", (b > 0 ? a / b : 0)}'; }
    printf '| `%s` | %.3f | %.3f | %.3f | %s | **%s** | %s | %s |\n' "${q//|/\\|}" "$rg_w" "$before_w" "$after_w" \
        "$(r "$before_w" "$rg_w")" "$(r "$after_w" "$rg_w")" "$(r "$before_c" "$rg_c")" "$(r "$after_c" "$rg_c")"
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
