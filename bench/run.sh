#!/usr/bin/env bash
# Benchmark of codescout-cli against ripgrep, ugrep and GNU grep on the Linux kernel sources
# (issue #2, section 5). Not a test: run it by hand, inside the build environment:
#
#   scripts/buildroot.sh run bench/run.sh [--quick] [--rg-only] [--runs N] [--no-build]
#
#   --quick       2 timed runs per tool and query instead of 5
#   --runs N      N timed runs per tool and query
#   --rg-only     compare codescout with ripgrep only
#   --no-build    use the existing build instead of (re)building the release preset
#   --build-dir D build and use D instead of the release preset's build/release
#   --corpus DIR  search DIR instead of the kernel tree from scripts/corpus.sh
#   --timeout S   stop a run after S seconds (default 300) and report it as a timeout
#   --cliffs      time issue 10's speed-cliff queries instead (caseless literals with k/s,
#                 Unicode class-only patterns)
#   --baseline CLI also time CLI (an earlier codescout-cli build, e.g. before a change) with
#                 codescout's flags, interleaved like the peers, and report codescout / baseline
#   --unicode     time Unicode-class queries (scripts, categories, \w-heavy) against all peers;
#                 GNU grep runs -E where it has the class (\w, POSIX classes), else shows n/a
#   --identifiers N  time N identifiers drawn at random from the corpus's C sources, each with
#                 no flag, -i and -w -i, against rg only (1 timed run each unless --runs), and
#                 print the distribution of codescout / rg (median, p90, worst)
#   --seed S      the identifiers' random seed (default 1): the same seed, the same identifiers
#   --queries L   time only these queries of the set, by 1-based number (e.g. 1 or 1,3)
#   --cold        drop the page cache before every timed run (needs root: the report says when
#                 it could not, and the runs are then warm); no warm-up and no untimed runs
#   --index       codescout runs with --index (issue 12): the corpus's index in $XDG_CACHE_HOME
#                 (bench/index.sh --cache DIR keeps one; XDG_CACHE_HOME=DIR) is built first
#                 unless --index-status says it is ready; the targets become issue 12's (<= 0.1x)
#   --index-watch with --index: a watcher (codescout-cli --index-watch) runs in the background
#                 for the whole benchmark, so that --index needs no stats (bench/index.sh)
#
# Method (warm, the default): the release preset is built, the tree is read once by every tool,
# then the runs are interleaved round-robin (codescout, rg, ugrep, grep, codescout, ...) so that
# load from other processes on the machine hits every tool alike. Each run writes to a pipe
# (`| wc -l`): to /dev/null grep would stop at the first match. Wall time is bash's `time` of the
# pipeline, peak RSS /usr/bin/time's %M, the line count is what wc saw. The table reports the
# median wall time and median peak RSS per tool, the line counts (codescout and rg must agree),
# and codescout's time divided by the fastest peer's. Peers' flags: rg -n, ugrep -r -n -I,
# grep -r -n -I (-E for regular expressions, -P for the last query); see bench/README.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
checkout=$(cd "$here/.." && pwd)
. "$checkout/bench/index-watcher.sh"
runs=5
peers=(rg ugrep grep)
build=1
build_dir=""
corpus=""
baseline=""
limit=300
query_set=public
runs_given=0
identifiers=0
seed=1
only=""
cold=0
index=0
index_watch=0
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) runs=2 ;;
        --runs) runs=${2:?--runs needs a number}; runs_given=1; shift ;;
        --rg-only) peers=(rg) ;;
        --no-build) build=0 ;;
        --build-dir) build_dir=${2:?--build-dir needs a folder}; shift ;;
        --corpus) corpus=${2:?--corpus needs a folder}; shift ;;
        --timeout) limit=${2:?--timeout needs seconds}; shift ;;
        --baseline) baseline=${2:?--baseline needs a codescout-cli}; shift ;;
        --cliffs) query_set=cliffs ;;
        --unicode) query_set=unicode ;;
        --identifiers) identifiers=${2:?--identifiers needs a number}; query_set=identifiers; shift ;;
        --seed) seed=${2:?--seed needs a number}; shift ;;
        --queries) only=${2:?--queries needs a list such as 1,3}; shift ;;
        --cold) cold=1 ;;
        --index) index=1 ;;
        --index-watch) index_watch=1 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
    shift
done
log() { printf 'bench: %s\n' "$*" >&2; }
case "$identifiers$seed" in *[!0-9]*) log "--identifiers and --seed take whole numbers"; exit 2 ;; esac
if [ "$query_set" = identifiers ]; then
    [ "$identifiers" -ge 1 ] || { log "--identifiers needs at least 1"; exit 2; }
    peers=(rg)  # the target compares with rg; ugrep and grep would triple the time
    [ "$runs_given" = 1 ] || runs=1
fi

cd "$checkout"
if [ "$build" = 1 ]; then
    log "building the release preset (codescout-cli)"
    if [ -n "$build_dir" ]; then
        cmake --preset release -B "$build_dir" >/dev/null
        cmake --build "$build_dir" --target codescout-cli -j "$(nproc)" >/dev/null
    else
        cmake --preset release >/dev/null
        cmake --build --preset release --target codescout-cli >/dev/null
    fi
fi
cli="${build_dir:-$checkout/build/release}/src/cli/codescout-cli"
[ -x "$cli" ] || { log "$cli not found (build it, or drop --no-build)"; exit 2; }
[ -z "$baseline" ] || [ -x "$baseline" ] || { log "baseline $baseline is not an executable"; exit 2; }
for tool in "${peers[@]}"; do
    command -v "$tool" >/dev/null || { log "$tool not found"; exit 2; }
done
[ -x /usr/bin/time ] || { log "/usr/bin/time not found (package time)"; exit 2; }
[ -n "$corpus" ] || corpus=$("$checkout/scripts/corpus.sh")
[ -d "$corpus" ] || { log "corpus $corpus is not a folder"; exit 2; }
[ "$index_watch" = 0 ] || [ "$index" = 1 ] || { log "--index-watch needs --index"; exit 2; }
index_flag=()
[ "$index" = 0 ] || index_flag=(--index)

# The queries: a label, then the pattern arguments for each tool. ugrep's default syntax is
# already extended; GNU grep needs -E for + | {n}; \w and \s are GNU extensions in both.
# For the \w{5}\s+... query ugrep and grep get -P (PCRE2), the closest to rg's and codescout's
# Unicode \w and \s: with its default engine ugrep spent over 300 s on the kernel tree (building a
# DFA for the Unicode \w{5} repetitions), GNU grep -E over 7 minutes (2m24s CPU) where -P takes
# 8 s CPU, with the same 823 lines bar one.
public_labels=("PM_RESUME" "-i PM_RESUME" "[A-Z]+_RESUME" "-w PM_RESUME"
    "ERR_SYS|PME_TURN_OFF|LINK_REQ_RST|CFG_BME_EVT" '\w{5}\s+\w{5}\s+\w{5}\s+\w{5}\s+\w{5}')
public_query_args() { # TOOL INDEX -> the pattern arguments, one per line
    local tool=$1 i=$2 ere=()
    [ "$tool" = grep ] && ere=(-E)
    case "$i" in
        0) printf '%s\n' PM_RESUME ;;
        1) printf '%s\n' -i PM_RESUME ;;
        2) printf '%s\n' "${ere[@]}" '[A-Z]+_RESUME' ;;
        3) printf '%s\n' -w PM_RESUME ;;
        4) printf '%s\n' "${ere[@]}" 'ERR_SYS|PME_TURN_OFF|LINK_REQ_RST|CFG_BME_EVT' ;;
        5) [ "$tool" = ugrep ] || [ "$tool" = grep ] && ere=(-P)
           printf '%s\n' "${ere[@]}" '\w{5}\s+\w{5}\s+\w{5}\s+\w{5}\s+\w{5}' ;;
    esac
}
# Issue 10's speed cliffs: caseless literals whose k or s also match the Kelvin sign or the long s,
# and patterns made of Unicode classes only. ugrep and grep get -P for \p{...} (PCRE2, as ours).
cliff_labels=("-i kmalloc" "-i struct" "-i sk_buff" '\p{Greek}+' '\p{Lu}\p{Ll}+\p{Greek}' '[\p{Cyrillic}\p{Han}]{2,}')
cliff_query_args() { # TOOL INDEX -> the pattern arguments, one per line
    local tool=$1 i=$2 pcre=()
    [ "$tool" = ugrep ] || [ "$tool" = grep ] && pcre=(-P)
    case "$i" in
        0) printf '%s\n' -i kmalloc ;;
        1) printf '%s\n' -i struct ;;
        2) printf '%s\n' -i sk_buff ;;
        3) printf '%s\n' "${pcre[@]}" '\p{Greek}+' ;;
        4) printf '%s\n' "${pcre[@]}" '\p{Lu}\p{Ll}+\p{Greek}' ;;
        5) printf '%s\n' "${pcre[@]}" '[\p{Cyrillic}\p{Han}]{2,}' ;;
    esac
}
# Unicode classes: scripts, categories and \w-heavy patterns. codescout, rg and ugrep take them
# as they are (ugrep's default syntax has \p{...}); GNU grep -E has \w and POSIX classes (Unicode
# in a UTF-8 locale) but no \p{...}: there it prints n/a rather than time another engine.
unicode_labels=('\p{Greek}+' '\p{Han}+' '\p{Lu}\p{Ll}+\p{Nd}' '\w+ä\w*' '\w+_\w+_\w+_\w+_\w+')
unicode_query_args() { # TOOL INDEX -> the pattern arguments, one per line ("n/a": unsupported)
    local tool=$1 i=$2
    case "$i" in
        0|1|2) if [ "$tool" = grep ]; then echo n/a; else printf '%s\n' "${unicode_labels[$i]}"; fi ;;
        3|4) if [ "$tool" = grep ]; then printf '%s\n' -E "${unicode_labels[$i]}"; else printf '%s\n' "${unicode_labels[$i]}"; fi ;;
    esac
}
# Identifiers drawn at random from the corpus's C sources (comments and strings removed), with
# perl's seeded generator (drand48 since perl 5.20: the same seed gives the same list anywhere):
# a random file, then a random identifier of 4+ characters in it, until N distinct ones.
draw_identifiers() { # CORPUS N SEED -> one identifier per line
    find "$1" -type f \( -name '*.c' -o -name '*.h' \) -not -path '*/.*' | LC_ALL=C sort |
        perl -e '
            my ($n, $seed) = @ARGV; srand($seed);
            my @files = <STDIN>; chomp @files; die "no C sources\n" unless @files;
            my (%seen, @ids);
            for (my $tries = 0; @ids < $n && $tries < 100 * $n; ++$tries) {
                my $file = $files[int(rand(@files))];
                open(my $fh, "<", $file) or next; local $/; my $text = <$fh>; close $fh;
                $text =~ s{/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"}{ }gs;
                my @words = $text =~ /\b([A-Za-z_][A-Za-z0-9_]{3,})\b/g;
                next unless @words;
                my $word = $words[int(rand(@words))];
                push @ids, $word unless $seen{$word}++;
            }
            print "$_\n" for @ids;' "$2" "$3"
}
identifier_variants=("" "-i" "-w -i")
identifier_query_args() { # TOOL INDEX -> the pattern arguments, one per line
    local i=$2 flags
    read -r -a flags <<<"${identifier_variants[$((i % 3))]}"
    printf '%s\n' ${flags[@]+"${flags[@]}"} -e "${identifier_list[$((i / 3))]}"
}
case "$query_set" in
    cliffs) labels=("${cliff_labels[@]}"); query_args() { cliff_query_args "$@"; } ;;
    unicode) labels=("${unicode_labels[@]}"); query_args() { unicode_query_args "$@"; } ;;
    identifiers) labels=() ;;  # filled once the corpus is known
    *) labels=("${public_labels[@]}"); query_args() { public_query_args "$@"; } ;;
esac
command_for() { # TOOL INDEX -> fills the array cmd (empty: the tool has no such query)
    local tool=$1 i=$2 pattern
    mapfile -t pattern < <(query_args "$tool" "$i")
    if [ "${pattern[0]:-}" = n/a ]; then cmd=(); return; fi
    case "$tool" in
        codescout) cmd=("$cli" ${index_flag[@]+"${index_flag[@]}"} -n "${pattern[@]}" "$corpus") ;;
        baseline) cmd=("$baseline" -n "${pattern[@]}" "$corpus") ;;
        rg) cmd=(rg -n "${pattern[@]}" "$corpus") ;;
        ugrep) cmd=(ugrep -r -n -I "${pattern[@]}" "$corpus") ;;
        grep) cmd=(grep -r -n -I "${pattern[@]}" "$corpus") ;;
    esac
}

if [ "$query_set" = identifiers ]; then
    log "drawing $identifiers identifiers from $corpus (seed $seed)"
    mapfile -t identifier_list < <(draw_identifiers "$corpus" "$identifiers" "$seed")
    [ "${#identifier_list[@]}" -gt 0 ] || { log "no identifiers found in $corpus"; exit 2; }
    [ "${#identifier_list[@]}" = "$identifiers" ] || log "only ${#identifier_list[@]} distinct identifiers found"
    for id in "${identifier_list[@]}"; do
        for v in "${identifier_variants[@]}"; do labels+=("${v:+$v }$id"); done
    done
    query_args() { identifier_query_args "$@"; }
fi
# The queries to time: all, or those --queries names.
selected=()
if [ -z "$only" ]; then
    selected=("${!labels[@]}")
else
    IFS=, read -r -a wanted <<<"$only"
    for n in "${wanted[@]}"; do
        case "$n" in ''|*[!0-9]*) log "--queries: $n is not a query number"; exit 2 ;; esac
        [ "$n" -ge 1 ] && [ "$n" -le "${#labels[@]}" ] || { log "--queries: no query $n (1-${#labels[@]})"; exit 2; }
        selected+=($((n - 1)))
    done
fi
# --cold: the page cache is dropped before each timed run, which only root can do.
can_drop=0
if [ "$cold" = 1 ]; then
    if sync && { echo 3 >/proc/sys/vm/drop_caches; } 2>/dev/null; then
        can_drop=1
    else
        log "--cold: cannot drop the page cache (needs root and a writable /proc/sys): the runs are WARM"
    fi
fi
drop_page_cache() { [ "$can_drop" = 1 ] || return 0; sync; echo 3 >/proc/sys/vm/drop_caches; }

tools=(codescout "${peers[@]}")
# The baseline is timed with the others but is not a peer: it never counts as the fastest peer.
[ -z "$baseline" ] || tools+=(baseline)
work=$(mktemp -d /tmp/codescout-bench.XXXXXX)
watcher=""
trap '[ -z "$watcher" ] || kill -TERM "$watcher" 2>/dev/null || true; rm -rf "$work"' EXIT
index_note=""
if [ "$index" = 1 ]; then
    if ! "$cli" --index-status "$corpus" | grep -q ready; then
        log "building the index of $corpus"
        "$cli" --index-build "$corpus" >&2
    fi
    index_note="codescout with --index ($("$cli" --index-status "$corpus" | head -1))"
    if [ "$index_watch" = 1 ]; then
        # As bench/index.sh: the queries start once the watcher has compared the folder and publishes.
        start_index_watcher "$cli" "$corpus" "$work/watch.out" ||
            { log "the watcher did not start: $(cat "$work/watch.out")"; exit 1; }
        index_note="$index_note, a watcher running ($(cat "$work/watch.out"))"
    else
        index_note="$index_note, no watcher (stat proofs)"
    fi
fi
export LC_ALL=C.UTF-8
TIMEFORMAT=%3R

# One run: appends wall seconds, peak RSS KiB and line count to the tool's files for query i.
measure() { # TOOL INDEX
    local tool=$1 i=$2 cmd
    command_for "$tool" "$i"
    [ "${#cmd[@]}" -gt 0 ] || return 0
    [ "$cold" = 0 ] || drop_page_cache
    # Exit status 1 (no match) is a result, not a failure: hence || true.
    { time /usr/bin/time -f '%M %x %U %S' -o "$work/rss1" timeout "$limit" "${cmd[@]}" 2>/dev/null |
        wc -l >"$work/count1" || true; } 2>"$work/time1"
    # timeout exits 124; the run's time is then only a lower bound.
    [ "$(tail -1 "$work/rss1" | cut -d' ' -f2)" = 124 ] && touch "$work/$i.$tool.timeout"
    cat "$work/time1" >>"$work/$i.$tool.time"
    tail -1 "$work/rss1" | cut -d' ' -f1 >>"$work/$i.$tool.rss"
    tail -1 "$work/rss1" | awk '{print $3 + $4}' >>"$work/$i.$tool.cpu"
    cat "$work/count1" >>"$work/$i.$tool.count"
}
median() { sort -g "$1" | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
if [ "$cold" = 0 ]; then
    log "corpus $corpus; warming the page cache"
    for tool in "${tools[@]}"; do
        command_for "$tool" "${selected[0]}"
        [ "${#cmd[@]}" -eq 0 ] || "${cmd[@]}" 2>/dev/null | wc -l >/dev/null || true
    done
fi
for i in "${selected[@]}"; do
    log "query $((i + 1))/${#labels[@]}: ${labels[$i]} ($runs runs x ${#tools[@]} tools, interleaved)"
    # One untimed run each, so that every timed run is warm (the identifiers' runs are warm from
    # the warm-up already: the tree stays in the cache, and an untimed run would double the time).
    if [ "$cold" = 0 ] && [ "$query_set" != identifiers ]; then
        for tool in "${tools[@]}"; do
            command_for "$tool" "$i"
            [ "${#cmd[@]}" -eq 0 ] || timeout "$limit" "${cmd[@]}" 2>/dev/null | wc -l >/dev/null || true
        done
    fi
    for _ in $(seq "$runs"); do
        for tool in "${tools[@]}"; do measure "$tool" "$i"; done
    done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- report (markdown on stdout) ---------------------------------------------------------------
mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }
two() { awk -v v="$1" 'BEGIN {printf "%.2f", v}'; }
# Ratios to 2 decimals, 3 with --index (its target is 0.1x).
digits=2
[ "$index" = 0 ] || digits=3
ratio_of() { awk -v a="$1" -v b="$2" -v d="$digits" 'BEGIN {if (b > 0) printf ("%." d "f", a / b); else printf "n/a"}'; }
timed() { [ -s "$work/$1.$2.time" ]; }  # INDEX TOOL: the tool ran this query
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
mem=$(awk '/^MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
files=$(find "$corpus" -type f | wc -l)
size=$(du -sh "$corpus" | cut -f1)
if [ "$cold" = 0 ]; then cache="warm page cache"
elif [ "$can_drop" = 1 ]; then cache="COLD page cache (dropped before every timed run)"
else cache="warm page cache (--cold was asked, but the cache could not be dropped: not root?)"; fi
echo "## codescout-cli vs ${peers[*]}"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- machine: $(nproc) CPUs ($cpu), $mem RAM; load average before $load_before, after $load_after"
echo "- corpus: $corpus ($files files, $size), $cache, output piped to wc -l"
[ -z "$index_note" ] || echo "- index: $index_note"
if [ "$query_set" = identifiers ]; then
    echo "- queries: ${#identifier_list[@]} identifiers drawn with seed $seed, each with no flag, -i and -w -i"
    echo "- runs: $runs timed per tool and query, interleaved; medians shown"
elif [ "$cold" = 1 ]; then
    echo "- runs: $runs timed per tool and query, interleaved, no warm-up; medians shown"
else
    echo "- runs: $runs timed per tool and query, interleaved, after one untimed run; medians shown"
fi
echo "- versions: $("$cli" --version | head -1); $(rg --version | head -1)$(
    for t in "${peers[@]}"; do case $t in ugrep) printf '; %s' "$(ugrep --version | head -1 | cut -d' ' -f1-2)" ;;
    grep) printf '; %s' "$(grep --version | head -1)" ;; esac; done)"
echo

if [ "$query_set" = identifiers ]; then
    # One row per identifier, then the distribution of the ratios per variant and over all.
    echo "| identifier | codescout / rg | -i: codescout / rg | -w -i: codescout / rg | CPU ratios (none, -i, -w -i) | lines agree |"
    echo "| --- | ---: | ---: | ---: | ---: | --- |"
    : >"$work/ratios"
    disagree=0
    for k in "${!identifier_list[@]}"; do
        row="| \`${identifier_list[$k]}\` |"; cpus=""; same=yes
        for v in 0 1 2; do
            i=$((3 * k + v))
            if ! timed "$i" codescout; then row="$row - |"; cpus="$cpus${cpus:+ / }-"; continue; fi
            r=$(ratio_of "$(median "$work/$i.codescout.time")" "$(median "$work/$i.rg.time")")
            c=$(ratio_of "$(median "$work/$i.codescout.cpu")" "$(median "$work/$i.rg.cpu")")
            row="$row $r |"; cpus="$cpus${cpus:+ / }$c"
            printf '%s %s %s %s\n' "$v" "$r" "$c" "${labels[$i]}" >>"$work/ratios"
            [ "$(median "$work/$i.codescout.count")" = "$(median "$work/$i.rg.count")" ] || same=NO
        done
        [ "$same" = yes ] || disagree=$((disagree + 1))
        echo "$row $cpus | $same |"
    done
    echo
    echo "Distribution of codescout / rg (wall time; CPU time in brackets), per variant and over all:"
    echo
    low=0.8; high=1.0
    [ "$index" = 0 ] || { low=0.1; high=0.2; }
    echo "| variant | n | median | p90 | worst | queries <= $low | queries <= $high |"
    echo "| --- | ---: | ---: | ---: | --- | ---: | ---: |"
    # p90: the value at rank ceil(0.9 n) of the sorted ratios.
    p90() { sort -g "$1" | awk '{v[NR] = $1} END {k = int(0.9 * NR); if (k < 0.9 * NR) k++; if (k < 1) k = 1; print v[k]}'; }
    for v in 0 1 2 all; do
        case "$v" in 0) name="no flag" ;; 1) name="-i" ;; 2) name="-w -i" ;; all) name="all" ;; esac
        awk -v v="$v" '($1 == v || v == "all") && $2 != "n/a"' "$work/ratios" >"$work/sel"
        n=$(wc -l <"$work/sel")
        if [ "$n" -eq 0 ]; then echo "| $name | 0 | - | - | - | - | - |"; continue; fi
        cut -d' ' -f2 "$work/sel" >"$work/wall"; cut -d' ' -f3 "$work/sel" >"$work/cpu"
        worst=$(sort -g -k2,2 "$work/sel" | tail -1)
        le8=$(awk -v t="$low" '$1 <= t' "$work/wall" | wc -l); le10=$(awk -v t="$high" '$1 <= t' "$work/wall" | wc -l)
        r() { awk -v v="$1" -v d="$digits" 'BEGIN {printf ("%." d "f", v)}'; }
        echo "| $name | $n | **$(r "$(median "$work/wall")")** ($(r "$(median "$work/cpu")")) |" \
             "$(r "$(p90 "$work/wall")") ($(r "$(p90 "$work/cpu")")) |" \
             "**$(cut -d' ' -f2 <<<"$worst")** \`$(cut -d' ' -f4- <<<"$worst")\` | $le8 | $le10 |"
    done
    echo
    if [ "$index" = 1 ]; then
        le1=$(awk '$2 != "n/a" && $2 <= 0.1' "$work/ratios" | wc -l)
        echo "Target (issue 12, with --index): every query <= 0.1x rg; $le1 of $(wc -l <"$work/ratios") are." \
             "Line counts: codescout and rg disagree on $disagree identifiers."
    else
        echo "Targets (issue 10): median <= 0.8x rg, worst <= 1.0x. Line counts: codescout and rg disagree on $disagree identifiers."
    fi
    exit 0
fi

header="| query |"; rule="| --- |"
for t in "${tools[@]}"; do header="$header $t s |"; rule="$rule ---: |"; done
header="$header codescout / fastest peer |"; rule="$rule ---: |"
for t in "${tools[@]}"; do header="$header $t RSS MiB |"; rule="$rule ---: |"; done
for t in "${tools[@]}"; do header="$header $t lines |"; rule="$rule ---: |"; done
echo "$header"; echo "$rule"
verdict_time=met; verdict_rss=met; verdict_count=agree
for i in "${selected[@]}"; do
    row="| \`${labels[$i]//|/\\|}\` |"
    best_peer=""
    for t in "${tools[@]}"; do
        if ! timed "$i" "$t"; then row="$row n/a |"; continue; fi
        m=$(median "$work/$i.$t.time")
        if [ -f "$work/$i.$t.timeout" ]; then row="$row >$limit (timeout) |"; else row="$row $(two "$m") |"; fi
        if [ "$t" != codescout ] && [ "$t" != baseline ] && { [ -z "$best_peer" ] || awk -v a="$m" -v b="$best_peer" 'BEGIN {exit !(a < b)}'; }; then
            best_peer=$m
        fi
    done
    cs=$(median "$work/$i.codescout.time")
    ratio=$(awk -v a="$cs" -v b="$best_peer" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')
    rg_time=$(median "$work/$i.rg.time")
    awk -v a="$cs" -v b="$rg_time" 'BEGIN {exit !(a > b)}' && verdict_time="not met"
    row="$row **$ratio** |"
    for t in "${tools[@]}"; do
        if timed "$i" "$t"; then row="$row $(mib "$(median "$work/$i.$t.rss")") |"; else row="$row n/a |"; fi
    done
    cs_rss=$(median "$work/$i.codescout.rss"); rg_rss=$(median "$work/$i.rg.rss")
    awk -v a="$cs_rss" -v b="$rg_rss" 'BEGIN {exit !(a > b + 16384)}' && verdict_rss="not met"
    cs_count=$(median "$work/$i.codescout.count"); rg_count=$(median "$work/$i.rg.count")
    for t in "${tools[@]}"; do
        if ! timed "$i" "$t" || [ -f "$work/$i.$t.timeout" ]; then row="$row - |"; else row="$row $(median "$work/$i.$t.count") |"; fi
    done
    [ "$cs_count" = "$rg_count" ] || { row="$row (codescout ≠ rg)"; verdict_count="DISAGREE"; }
    echo "$row"
done
echo
# CPU time is what each tool costs regardless of how many cores other processes leave it: on a
# loaded machine it is the steadier comparison.
echo "CPU time (user + sys, median seconds), less sensitive to the machine's other load:"
echo
header="| query |"; rule="| --- |"
for t in "${tools[@]}"; do header="$header $t CPU s |"; rule="$rule ---: |"; done
echo "$header codescout / rg |"; echo "$rule ---: |"
for i in "${selected[@]}"; do
    row="| \`${labels[$i]//|/\\|}\` |"
    for t in "${tools[@]}"; do
        if timed "$i" "$t"; then row="$row $(two "$(median "$work/$i.$t.cpu")") |"; else row="$row n/a |"; fi
    done
    echo "$row **$(ratio_of "$(median "$work/$i.codescout.cpu")" "$(median "$work/$i.rg.cpu")")** |"
done
echo
if [ -n "$baseline" ]; then
    echo "Against the baseline ($("$baseline" --version | head -1), $baseline), medians of the same runs:"
    echo
    echo "| query | codescout s | baseline s | wall ratio | codescout CPU s | baseline CPU s | CPU ratio | lines agree |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
    for i in "${selected[@]}"; do
        a=$(median "$work/$i.codescout.time"); b=$(median "$work/$i.baseline.time")
        ac=$(median "$work/$i.codescout.cpu"); bc=$(median "$work/$i.baseline.cpu")
        same=yes; [ "$(median "$work/$i.codescout.count")" = "$(median "$work/$i.baseline.count")" ] || same=NO
        echo "| \`${labels[$i]//|/\\|}\` | $(two "$a") | $(two "$b") |" \
             "**$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", (b > 0 ? a / b : 0)}')** |" \
             "$(two "$ac") | $(two "$bc") | $(awk -v a="$ac" -v b="$bc" 'BEGIN {printf "%.3f", (b > 0 ? a / b : 0)}') | $same |"
    done
    echo
fi
echo "Targets (issue #2): codescout's median no slower than ripgrep's on every query: $verdict_time;" \
     "peak RSS at most ripgrep's + 16 MiB: $verdict_rss; codescout and rg line counts: $verdict_count." \
     "(The ratio column divides by the fastest peer, which may be another tool than rg.)"
