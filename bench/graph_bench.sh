#!/usr/bin/env bash
# Benchmark of the graph half: resolve + build + every analysis + stats.json
# on N generated meeting mentions (1,000,000) among K officials (20,000).
# Prints wall and CPU seconds and peak RSS (target: < 60 s, < 2 GB). On a
# shared machine the CPU time is the better measure of the wall time alone.
#
#   bench/graph_bench.sh [BUILD_DIR]      (default build-graph)
#   N=100000 K=5000 bench/graph_bench.sh  (a smaller run)
#   KEEP=/tmp/gbench bench/graph_bench.sh (keep and reuse the meetings file)
#
# Above 5,000 nodes betweenness, closeness and harmonic centrality are
# approximated: by default estimated from SAMPLE (64) sampled sources; with
# SAMPLE=0 they follow paths only up to the cutoff (CUTOFF, in 1/weight
# units, default 4), which on this dense graph takes far longer (hubs with
# thousands of strong ties fall inside any cutoff). The command reports the
# method on stderr (-v) and records it in stats.json.
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$HERE/build-graph}
DG=$BUILD/diplograph
N=${N:-1000000}
K=${K:-20000}
C=${C:-190}
CUTOFF=${CUTOFF:-}
SAMPLE=${SAMPLE:-64}
PY=${PY:-/usr/bin/python3}
if [ -n "${KEEP:-}" ]; then
    WORK=$KEEP
    mkdir -p "$WORK"
else
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/dg-bench.XXXXXX")
    trap 'rm -rf "$WORK"' EXIT
fi
M=$WORK/meetings-$N-$K-loyal.jsonl
if [ ! -s "$M" ]; then
    echo "generating $N meetings among $K officials of $C countries..." >&2
    "$PY" "$HERE/bench/gen_meetings.py" -n "$N" -k "$K" -c "$C" --seed 1 \
        --dup-rate 0.1 --month-only 0.01 --loyalty 0.9 -o "$M"
fi
echo "input: $(wc -l < "$M") mentions, $(du -h "$M" | cut -f1)" >&2
extra=()
[ -n "$CUTOFF" ] && extra+=(--betweenness-cutoff "$CUTOFF")
[ "$SAMPLE" != 0 ] && extra+=(--betweenness-sample "$SAMPLE")
/usr/bin/time -v "$DG" stats -v --format json "${extra[@]}" "$M" \
    -o "$WORK/stats.json" 2> "$WORK/time.txt" || { cat "$WORK/time.txt" >&2; exit 1; }
grep '^diplograph' "$WORK/time.txt" >&2
secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0;
       for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$WORK/time.txt")
cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$WORK/time.txt")
rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$WORK/time.txt")
echo "graph_bench: $N mentions, $K officials: ${secs} s wall, ${cpu} s CPU, peak RSS ${rss} MB"
"$PY" - "$WORK/stats.json" <<'PYEOF'
import json, sys
s = json.load(open(sys.argv[1]))
g = s["graph"]
b = g["betweenness"]
how = ("exact" if b["exact"] else "%d sampled sources" % b["sampled_sources"]
       if b["sampled_sources"] else "cutoff %g" % b["cutoff"])
print("graph_bench: %d events, %d nodes, %d edges, betweenness %s"
      % (s["interactions"]["events"], g["nodes"], g["edges"], how))
PYEOF
