#!/usr/bin/env bash
# Checks the hand-written man pages (test packaging_man_pages):
#   - groff renders them without a single warning (-ww);
#   - their .TH line names the project version;
#   - given the built codescout-cli, the OPTIONS section of codescout-cli.1 documents exactly the
#     long options that `codescout-cli --help` lists, so the page cannot drift from the program.
#
#   packaging/check-man-pages.sh VERSION PAGE... [--cli CODESCOUT_CLI]
# Exit status: 0 passed, 1 failed, 77 skipped (groff missing).
set -euo pipefail
version=${1:?usage: check-man-pages.sh VERSION PAGE... [--cli BINARY]}
shift
pages=()
cli=""
while [ $# -gt 0 ]; do
    case "$1" in
        --cli) cli=${2:?--cli needs a path}; shift 2 ;;
        *) pages+=("$1"); shift ;;
    esac
done
command -v groff >/dev/null || { echo "SKIP: groff not found (package groff-base)"; exit 77; }

failed=0
bad() { echo "FAIL: $*"; failed=1; }

for page in "${pages[@]}"; do
    warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1 >/dev/null)
    [ -z "$warnings" ] || bad "$page: groff warns:
$warnings"
    th=$(grep -m1 '^\.TH ' "$page" || true)
    case "$th" in *"$version"*) ;; *) bad "$page: .TH line does not name version $version: $th" ;; esac
done

if [ -n "$cli" ]; then
    page=""
    for p in "${pages[@]}"; do [ "$(basename "$p")" = codescout-cli.1 ] && page=$p; done
    [ -n "$page" ] || { echo "FAIL: --cli given but codescout-cli.1 not among the pages"; exit 1; }
    help=$("$cli" --help) || bad "$cli --help failed"
    from_help=$(printf '%s\n' "$help" | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u)
    # Long options as written in roff (\-\-name), only from the OPTIONS section.
    from_page=$(awk '/^\.SH /{on = ($2 == "OPTIONS")} on' "$page" |
        grep -oE -- '\\-\\-[a-z][a-z0-9\\-]*' | sed 's/\\-/-/g' | sort -u)
    missing=$(comm -23 <(printf '%s\n' "$from_help") <(printf '%s\n' "$from_page"))
    extra=$(comm -13 <(printf '%s\n' "$from_help") <(printf '%s\n' "$from_page"))
    [ -z "$missing" ] || bad "$page: options in --help but not in the man page:" $missing
    [ -z "$extra" ] || bad "$page: options in the man page but not in --help:" $extra
    echo "compared $(printf '%s\n' "$from_help" | wc -l) long options of --help with the man page"
fi

[ "$failed" = 0 ] && echo "man pages OK: ${pages[*]}"
exit "$failed"
