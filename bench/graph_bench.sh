#!/usr/bin/env bash
# Benchmark of the graph half: read + resolve + build + every analysis +
# stats.json on N generated meeting mentions (1,000,000) among K officials
# (20,000), on one core. Prints the seconds (wall and CPU) and peak RSS of
# each step and of the whole (target: < 60 s, < 2 GB). On a shared machine
# the CPU time is the better measure of the wall time alone.
#
#   bench/graph_bench.sh [BUILD_DIR]      (default build, then build-graph)
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
BUILD=${1:-$HERE/build}
[ -x "$BUILD/diplograph" ] || BUILD=$HERE/build-graph
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
# one core: igraph's PageRank (PRPACK) would start OpenMP threads
export OMP_NUM_THREADS=1
/usr/bin/time -v "$DG" stats -v --format json "${extra[@]}" "$M" \
    -o "$WORK/stats.json" 2> "$WORK/time.txt" || { cat "$WORK/time.txt" >&2; exit 1; }
grep '^diplograph' "$WORK/time.txt" | grep -v ' step ' >&2
# the steps, and their sums by phase
echo "graph_bench: step                                      wall s    CPU s  peak RSS MB"
awk '/^diplograph stats: step / {
        line = $0; sub(/^diplograph stats: step /, "", line)
        n = split(line, f, " +")
        # name, wall "s", cpu "s" "CPU", rss "MB"
        name = line; sub(/ +[0-9.]+ s +[0-9.]+ s CPU +[0-9]+ MB$/, "", name)
        wall = f[n - 6]; cpu = f[n - 4]; rss = f[n - 1]
        if (name == "total") { tw = wall; tc = cpu; tr = rss; next }
        phase = name; sub(/:.*/, "", phase)
        if (!(phase in pw)) order[++np] = phase
        pw[phase] += wall; pc[phase] += cpu; if (rss > pr[phase]) pr[phase] = rss
        printf "graph_bench:   %-44s %8.2f %8.2f %8d\n", name, wall, cpu, rss
     }
     END {
        for (i = 1; i <= np; i++)
            printf "graph_bench: %-46s %8.2f %8.2f %8d\n", order[i], pw[order[i]], pc[order[i]], pr[order[i]]
        printf "graph_bench: %-46s %8.2f %8.2f %8d\n", "total (in the process)", tw, tc, tr
     }' "$WORK/time.txt"
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
