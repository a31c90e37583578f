#!/usr/bin/env bash
# Prints the link dependencies between CodeScout's own targets, one edge a line
# ("codescout_search -> codescout_io"), from CMake's --graphviz output: the graph the build
# really enforces, not the one the folders suggest. Configures a throw-away build tree
# (build/deps-graph) in the build environment, so it never disturbs a preset's tree.
# Usage: scripts/deps.sh
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/buildroot.sh run sh -c '
    set -e
    out=build/deps-graph
    cmake -S . -B "$out" -G Ninja -DCODESCOUT_BUILD_TESTS=OFF --graphviz="$out/graph.dot" >/dev/null
    # Node lines name targets ("node3" [ label = "codescout_io" ...]); edge lines join node ids.
    # Keep the edges whose two ends are ours (codescout*), written with target names.
    awk "
        /^ *\"node[0-9]+\" \\[ label = / {
            id = \$1; gsub(/\"/, \"\", id)
            name = \$0; sub(/.*label = \"/, \"\", name); sub(/\".*/, \"\", name)
            names[id] = name; next
        }
        /->/ {
            from = \$1; to = \$3; gsub(/[\";]/, \"\", from); gsub(/[\";]/, \"\", to)
            edges[++n] = from \" \" to
        }
        END {
            for (i = 1; i <= n; i++) {
                split(edges[i], e, \" \")
                a = names[e[1]]; b = names[e[2]]
                if (a ~ /^codescout/ && b ~ /^codescout/ && b != \"codescout_warnings\" && b != \"codescout_qt_defaults\")
                    print a \" -> \" b
            }
        }" "$out/graph.dot" | sort -u
'
