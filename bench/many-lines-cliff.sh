#!/usr/bin/env bash
# Times issue 10's "many-lines cliff" (bench/RESULTS.md): a regex that matches most lines, so the
# cost is per matching line (finding its spans, storing it, printing it), not per byte read.
# Not a test: run it by hand, inside the build environment, on a release build:
#
#   scripts/buildroot.sh run bench/many-lines-cliff.sh [--baseline CLI] [--runs N] [--no-drivers]
#
#   --baseline CLI  also time CLI (an earlier codescout-cli, e.g. main before a change)
#   --runs N        timed runs per tool and case (default 5; plus 1 warm-up run each)
#   --no-drivers    skip the kernel's drivers/ tree (12-45 s per run)
#   --no-header     skip the two many-lines.sh header cases
#   --tree          add the whole kernel tree (6.9 million matching lines; issue 10's Unicode target)
#   --sorted        add `--sort path` over drivers/gpu (issue 10's RSS target: rg streams sorted
#                   output from one thread, 7-8 MB)
#
# Cases: bench/many-lines.sh's 4.8 MB header (50,000 lines, 45,454 matching) with -j1, printed and
# with -c, and '\w+_\w+_\w+_\w+_\w+' over the kernel's drivers/ (scripts/corpus.sh). Every command
# writes to a pipe (`| wc -c`). The runs are interleaved round-robin (codescout, baseline, rg,
# codescout, ...) after one warm-up run each, so that load from other processes hits every tool
# alike; each run is timed by /usr/bin/time (wall, user + system CPU, peak RSS) and the table shows
# the medians. (hyperfine's user and system times of `sh -c "cli | wc -c"` left most of the
# pipeline's CPU time out, 0.06 s where /usr/bin/time measured 0.23 s: not used.)
# Ratios are codescout / rg from the same runs.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
checkout=$(cd "$here/.." && pwd)
cli=$checkout/build/release/src/cli/codescout-cli
baseline=""
runs=5
drivers=1
headers=1
tree=0
sorted=0
while [ $# -gt 0 ]; do
    case "$1" in
        --no-header) headers=0 ;;
        --tree) tree=1 ;;
        --sorted) sorted=1 ;;
        --baseline) baseline=$(realpath "${2:?--baseline needs a codescout-cli}"); shift ;;
        --runs) runs=${2:?--runs needs a number}; shift ;;
        --no-drivers) drivers=0 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "many-lines-cliff: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
    shift
done
[ -x "$cli" ] || { echo "many-lines-cliff: $cli missing (cmake --build --preset release --target codescout-cli)" >&2; exit 2; }

pattern='\w+_\w+_\w+_\w+_\w+'
cases=()
if [ "$headers" = 1 ]; then
    file=$("$here/many-lines.sh")
    cases+=("many-lines -j1|-j1 $pattern $file" "many-lines -j1 -c|-j1 -c $pattern $file")
fi
if [ "$drivers" = 1 ] || [ "$tree" = 1 ] || [ "$sorted" = 1 ]; then kernel=$("$checkout/scripts/corpus.sh"); fi
[ "$drivers" = 1 ] && cases+=("drivers|$pattern $kernel/drivers")
[ "$tree" = 1 ] && cases+=("kernel tree|-n $pattern $kernel")
[ "$sorted" = 1 ] && cases+=("--sort path drivers/gpu|--sort path $pattern $kernel/drivers/gpu")
tools=(codescout rg)
[ -n "$baseline" ] && tools=(codescout baseline rg)
program() {
    case "$1" in codescout) echo "$cli" ;; baseline) echo "$baseline" ;; rg) echo rg ;; esac
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs; runs: $runs"
printf '| case | tool | wall | user+sys | peak RSS | wall / rg | CPU / rg |\n| --- | --- | ---: | ---: | ---: | ---: | ---: |\n'
for entry in "${cases[@]}"; do
    name=${entry%%|*}
    args=${entry#*|}
    for run in $(seq 0 "$runs"); do
        for tool in "${tools[@]}"; do
            # Run 0 warms the page cache and is not counted.
            # shellcheck disable=SC2086  # the arguments are words
            /usr/bin/time -f '%e %U %S %M' -o "$work/t" "$(program "$tool")" $args | wc -c >/dev/null
            [ "$run" = 0 ] || cat "$work/t" >>"$work/$tool.times"
        done
    done
    python3 - "$work" "$name" "${tools[@]}" <<'PY'
import statistics, sys
work, name, tools = sys.argv[1], sys.argv[2], sys.argv[3:]
def figures(tool):
    rows = [line.split() for line in open(f"{work}/{tool}.times") if line.strip()]
    wall = statistics.median(float(r[0]) for r in rows)
    cpu = statistics.median(float(r[1]) + float(r[2]) for r in rows)
    rss = statistics.median(int(r[3]) for r in rows)
    return wall, cpu, rss
rg_wall, rg_cpu, _ = figures("rg")
for tool in tools:
    wall, cpu, rss = figures(tool)
    print(f"| {name} | {tool} | {wall:.2f} s | {cpu:.2f} s | {rss / 1024:.0f} MB | {wall / rg_wall:.2f} | {cpu / rg_cpu:.2f} |")
PY
    rm -f "$work"/*.times
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
