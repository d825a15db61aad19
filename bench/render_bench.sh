#!/usr/bin/env bash
# Lays out and renders a synthetic 2,000-node / ~10,000-edge graph (the
# test fixture's generator: communities of 25, skewed centralities) with
# dg_render's defaults (sfdp, overlap=prism, labels on the most central)
# and prints the seconds per format. Target: under 30 s each.
#
# usage: bench/render_bench.sh [BUILD_DIR] [NODES] [EDGES]
#   BUILD_DIR defaults to build (then build-export); it needs the
#   test_render executable (cmake with DG_TESTS=ON, the default).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-}
nodes=${2:-2000}
edges=${3:-10000}
if [ -z "$build" ]; then
    for d in build build-export; do
        [ -x "$here/$d/tests/test_render" ] && build=$here/$d && break
    done
fi
tool=${build:-$here/build}/tests/test_render
if [ ! -x "$tool" ]; then
    echo "render_bench: $tool not found; build first (cmake --build BUILD_DIR)" >&2
    exit 1
fi
out=$(mktemp -d "${TMPDIR:-/tmp}/dg-bench.XXXXXX")
trap 'rm -rf "$out"' EXIT
status=0
for fmt in svg png; do
    line=$("$tool" --bench "$nodes" "$edges" "$out/graph.$fmt")
    echo "$line"
    secs=${line##*: }
    secs=${secs% s}
    if awk -v s="$secs" 'BEGIN { exit !(s >= 30) }'; then
        echo "render_bench: $fmt took $secs s, over the 30 s target" >&2
        status=1
    fi
done
exit $status
