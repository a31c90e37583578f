#!/usr/bin/env bash
# CODESCOUT_RUN=cli scripts/run.sh: the CLI, not the GUI, on paths outside the checkout (absolute
# and relative to the caller's folder) and on a piped standard input, with ripgrep's output.
set -uo pipefail
checkout=$1
fail() { echo "FAIL: $*"; exit 1; }
tmp=$(realpath "$(mktemp -d)"); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/tree/sub" "$tmp/elsewhere"
printf 'alpha\nneedle one\n' >"$tmp/tree/a.txt"
printf 'needle two\nbeta\n' >"$tmp/tree/sub/b.c"

run_cli() { (cd "$1" && shift && CODESCOUT_RUN=cli "$checkout/scripts/run.sh" "$@" 2>"$tmp/stderr"); }
check() {  # check NAME EXPECTED ACTUAL
    if [ "$2" != "$3" ]; then
        printf 'FAIL (%s)\nexpected:\n%s\nactual:\n%s\nstderr:\n' "$1" "$2" "$3"; cat "$tmp/stderr"; exit 1
    fi
    echo "ok: $1"
}

check "absolute path, rg's format (path:line when piped)" \
    "$(printf '%s\n' "$tmp/tree/a.txt:needle one" "$tmp/tree/sub/b.c:needle two")" \
    "$(run_cli "$tmp/elsewhere" --sort path needle "$tmp/tree")"
check "path relative to the caller's folder" \
    "$(printf '%s\n' "tree/a.txt:2:needle one" "tree/sub/b.c:1:needle two")" \
    "$(run_cli "$tmp" --sort path -n needle tree)"
check "piped standard input" "x needle y" \
    "$(printf 'a\nx needle y\n' | run_cli "$tmp" needle)"
out=$(run_cli "$tmp" --sort path nothing-matches tree); rc=$?
[ "$rc" = 1 ] && [ -z "$out" ] || fail "no match: exit $rc (expected 1), output '$out'"
echo "ok: no match, exit 1"

# Replace, then undo from a folder that is neither the tree nor its parent: the undo journal names
# the tree, and run.sh shows it to the program (else every file looked deleted: "missing").
export XDG_STATE_HOME=$tmp/state
mkdir -p "$tmp/elsewhere2"
run_cli "$tmp/elsewhere" -r NEEDLE --write needle "$tmp/tree" >/dev/null || fail "--write: exit $?; $(cat "$tmp/stderr")"
[ "$(cat "$tmp/tree/a.txt")" = "$(printf 'alpha\nNEEDLE one')" ] || fail "--write did not change a.txt"
check "--undo from another folder" "undid apply 1: 2 restored, 0 already original, 0 refused" \
    "$(run_cli "$tmp/elsewhere2" --undo | tail -n 1)"
[ "$(cat "$tmp/tree/a.txt")" = "$(printf 'alpha\nneedle one')" ] || fail "--undo did not restore a.txt"
echo PASS
