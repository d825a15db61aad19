#!/usr/bin/env bash
# Extraction benchmark: generate a synthetic corpus with gold
# (../shared/bench/gen_corpus.py), time `diplograph extract` on it at -j1
# and -j2 (wall time, MB/s, peak RSS from /usr/bin/time -v), time a
# `grep -cF` of the trigger words over the same files as a floor, and
# score the extraction with `diplograph eval`. See bench/README.md.
#
# usage: bench/extract_bench.sh [SIZE_MB] [DIR]
#   SIZE_MB  corpus size in MB (10^6 bytes), default 100
#   DIR      where the corpus and the outputs go; default a temporary
#            directory, removed at exit unless KEEP=1
# environment: DG (the diplograph binary), SHARED (the shared directory,
#   default <repo>/../shared), SEED (default 1), LANGS (default
#   zh,en,zh-Hant), PYTHON (default python3)
set -euo pipefail

die() {
    echo "extract_bench: $*" >&2
    exit 1
}

size=${1:-100}
dir=${2:-}
[[ $size =~ ^[0-9]+([.][0-9]+)?$ ]] && awk -v s="$size" 'BEGIN { exit !(s > 0) }' ||
    die "SIZE_MB must be a positive number, not '$size'"

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(git -C "$here" rev-parse --show-toplevel 2>/dev/null) || root=$(dirname "$here")
shared=${SHARED:-$root/../shared}
gen=$shared/bench/gen_corpus.py
seed=${SEED:-1}
langs=${LANGS:-zh,en,zh-Hant}
python=${PYTHON:-python3}
[ -f "$gen" ] || die "generator not found: $gen (set SHARED)"
[ -x /usr/bin/time ] || die "/usr/bin/time not found (Debian package: time)"

if [ -n "${DG:-}" ]; then
    dg=$DG
else
    dg=
    for c in "$root"/build/diplograph "$root"/build-*/diplograph; do
        if [ -x "$c" ]; then
            dg=$c
            break
        fi
    done
    [ -n "$dg" ] || dg=$(command -v diplograph || true)
fi
[ -n "$dg" ] && [ -x "$dg" ] || die "diplograph binary not found: build it or set DG"

if [ -z "$dir" ]; then
    dir=$(mktemp -d "${TMPDIR:-/tmp}/dg-bench.XXXXXX")
    [ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$dir"' EXIT
fi
mkdir -p "$dir"

# Trigger words the extractor starts from (DESIGN.md, Extraction), in
# simplified and traditional Chinese and English.
triggers=(会见 会谈 会晤 通电话 视频通话 视频会晤 共同主持 出席 访问
          會見 會談 會晤 通電話 視頻通話 視像會晤 共同主持 出席 訪問
          met "held talks" "phone call" "video call" co-chaired attended visit)

echo "generating ${size} MB (seed $seed, $langs) into $dir" >&2
if [ ! -f "$dir/gold.jsonl" ] || [ ! -d "$dir/corpus" ]; then
    "$python" "$gen" --size-mb "$size" --seed "$seed" --out "$dir" --lang "$langs" --quiet ||
        die "gen_corpus.py failed"
fi
shopt -s nullglob
files=("$dir"/corpus/*.txt)
[ ${#files[@]} -gt 0 ] || die "no corpus files in $dir/corpus"
bytes=$(cat "${files[@]}" | wc -c)
gold_n=$(wc -l < "$dir/gold.jsonl")

# Runs a command under /usr/bin/time -v; sets secs and rss_mb.
measure() {
    local label=$1
    shift
    local rc=0 t0 t1
    t0=$(date +%s%N)
    /usr/bin/time -v -o "$dir/time.$label" "$@" || rc=$?
    t1=$(date +%s%N)
    # wall time from the clock (time -v rounds to 10 ms)
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    rss_mb=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' \
        "$dir/time.$label")
    return $rc
}

rows=()
row() { # label seconds rss [bytes]
    local mbps=-
    if [ -n "${4:-}" ]; then
        mbps=$(awk -v b="$4" -v s="$2" 'BEGIN { if (s > 0) printf "%.2f", b / 1e6 / s; else print "-" }')
    fi
    rows+=("$(printf '%-22s %9s %9s %12s' "$1" "$2" "$mbps" "$3")")
}

for j in 1 2; do
    echo "extract -j$j" >&2
    if ! measure "extract-j$j" "$dg" extract -j "$j" -o "$dir/meetings.j$j.jsonl" "${files[@]}" \
        2> "$dir/extract.j$j.err"; then
        echo "extract_bench: diplograph extract -j$j failed; its last messages:" >&2
        tail -n 20 "$dir/extract.j$j.err" >&2
        trap - EXIT
        die "extract failed (outputs kept in $dir)"
    fi
    if [ ! -s "$dir/meetings.j$j.jsonl" ]; then
        trap - EXIT
        die "extract -j$j wrote no meetings ($dir/meetings.j$j.jsonl)"
    fi
    row "extract -j$j" "$secs" "$rss_mb" "$bytes"
done
same=no
cmp -s "$dir/meetings.j1.jsonl" "$dir/meetings.j2.jsonl" && same=yes

grep_args=()
for t in "${triggers[@]}"; do
    grep_args+=(-e "$t")
done
echo "grep -cF triggers" >&2
# grep exits 1 when nothing matches: not an error here
measure grep grep -cF "${grep_args[@]}" "${files[@]}" > "$dir/grep.counts" || [ $? -eq 1 ] ||
    die "grep failed"
trigger_lines=$(awk -F: '{ s += $NF } END { print s + 0 }' "$dir/grep.counts")
row "grep -cF triggers" "$secs" "$rss_mb" "$bytes"

echo "eval" >&2
measure eval "$dg" eval --gold "$dir/gold.jsonl" "$dir/meetings.j1.jsonl" > "$dir/eval.txt" \
    2> "$dir/eval.err" || { tail -n 20 "$dir/eval.err" >&2; die "eval failed"; }
row "eval" "$secs" "$rss_mb"

predicted=$(wc -l < "$dir/meetings.j1.jsonl")
printf 'corpus  %.1f MB in %d files (%s, seed %s), %d gold meetings\n' \
    "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" "${#files[@]}" "$langs" "$seed" "$gold_n"
printf 'output  %d meetings; -j1 and -j2 outputs identical: %s; trigger lines (grep): %d\n\n' \
    "$predicted" "$same" "$trigger_lines"
printf '%-22s %9s %9s %12s\n' step seconds MB/s "peak RSS MB"
printf '%s\n' "${rows[@]}"
echo
head -n 6 "$dir/eval.txt"
