# Sourced by the index benchmarks (index.sh, index-ab.sh, run.sh --index-watch).
# start_index_watcher CLI CORPUS OUT: starts `CLI --index-watch CORPUS` in the background (its
# output in OUT; the caller's environment, e.g. XDG_CACHE_HOME, applies), sets `watcher` to its
# pid and waits until it has compared the folder with the index and publishes ("watching ...":
# seconds on the kernel tree) — --index trusts it only from then on. Returns 1, the watcher
# stopped and `watcher` empty, when it does not get there within five minutes.
start_index_watcher() {
    local cli=$1 corpus=$2 out=$3
    "$cli" --index-watch "$corpus" >"$out" 2>&1 &
    watcher=$!
    for _ in $(seq 600); do
        grep -q '^watching ' "$out" && return 0
        kill -0 "$watcher" 2>/dev/null || break
        sleep 0.5
    done
    grep -q '^watching ' "$out" && return 0
    kill "$watcher" 2>/dev/null || true
    watcher=""
    return 1
}
