#!/usr/bin/env bash
# Scale benchmark: speed and peak memory of `diplograph extract` on the
# inputs that stress its bounded-memory streaming: one large file (a
# generated corpus concatenated), the same file on stdin, a 100 MB file of
# one line, and a directory of many small files; each at -j1 and -j2 under
# /usr/bin/time -v. See bench/README.md.
#
# usage: bench/scale_bench.sh [SIZE_MB] [NFILES] [DIR]
#   SIZE_MB  size of the large file in MB (10^6 bytes), default 200
#   NFILES   number of small files (one document each), default 100000
#   DIR      where the inputs and outputs go; default a temporary
#            directory, removed at exit unless KEEP=1
# environment: DG (the diplograph binary), SHARED (the shared directory,
#   default <repo>/../shared), SEED (default 1), PYTHON (default python3),
#   LINE_MB (the single-line file, default 100)
set -euo pipefail

die() {
    echo "scale_bench: $*" >&2
    exit 1
}

size=${1:-200}
nfiles=${2:-100000}
dir=${3:-}
line_mb=${LINE_MB:-100}
[[ $size =~ ^[0-9]+$ && $size -gt 0 ]] || die "SIZE_MB must be a positive integer, not '$size'"
[[ $nfiles =~ ^[0-9]+$ && $nfiles -gt 0 ]] || die "NFILES must be a positive integer, not '$nfiles'"

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(git -C "$here" rev-parse --show-toplevel 2>/dev/null) || root=$(dirname "$here")
shared=${SHARED:-$root/../shared}
gen=$shared/bench/gen_corpus.py
seed=${SEED:-1}
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
    dir=$(mktemp -d "${TMPDIR:-/tmp}/dg-scale.XXXXXX")
    [ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$dir"' EXIT
fi
mkdir -p "$dir"

# inputs (reused when DIR already has them)
if [ ! -s "$dir/large.txt" ]; then
    echo "generating a ${size} MB corpus (seed $seed) into $dir" >&2
    "$python" "$gen" --size-mb "$size" --seed "$seed" --out "$dir/gen" --lang zh,en,zh-Hant --quiet ||
        die "gen_corpus.py failed"
    # one file: the streaming reader must not hold it
    cat "$dir"/gen/corpus/*.txt > "$dir/large.txt"
fi
if [ ! -s "$dir/line.txt" ]; then
    echo "writing a ${line_mb} MB single-line file" >&2
    "$python" - "$dir/line.txt" "$line_mb" <<'PY'
import sys
s = "2021年6月7日，国务委员兼外长王毅在北京会见俄罗斯外长拉夫罗夫。".encode()
n = int(sys.argv[2]) * 10**6 // len(s)
with open(sys.argv[1], "wb") as f:
    for _ in range(n // 10000):
        f.write(s * 10000)
    f.write(s * (n % 10000) + b"\n")
PY
fi
if [ ! -f "$dir/small.done" ] || [ "$(cat "$dir/small.done")" != "$nfiles" ]; then
    echo "writing $nfiles small files (a document each)" >&2
    rm -rf "$dir/small"
    "$python" - "$dir/large.txt" "$dir/small" "$nfiles" <<'PY'
import os, sys
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
docs = []
with open(src, "rb") as f:
    block = []
    for line in f:
        if line.strip():
            block.append(line)
        elif block:
            docs.append(b"".join(block))
            block = []
            if len(docs) >= n:
                break
for i in range(n):
    sub = os.path.join(out, "%03d" % (i // 1000))
    if i % 1000 == 0:
        os.makedirs(sub, exist_ok=True)
    with open(os.path.join(sub, "%06d.txt" % i), "wb") as f:
        f.write(docs[i % len(docs)])
PY
    echo "$nfiles" > "$dir/small.done"
fi

large_bytes=$(stat -c %s "$dir/large.txt")
line_bytes=$(stat -c %s "$dir/line.txt")
small_bytes=$(find "$dir/small" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')

# Runs a command under /usr/bin/time -v; sets secs and rss_mb.
measure() {
    local label=$1
    shift
    local rc=0 t0 t1
    t0=$(date +%s%N)
    /usr/bin/time -v -o "$dir/time.$label" "$@" || rc=$?
    t1=$(date +%s%N)
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
    rss_mb=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' \
        "$dir/time.$label")
    # CPU seconds (user + system): on a shared machine the wall time
    # depends on the other jobs, this does much less
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' \
        "$dir/time.$label")
    [ $rc = 0 ] || die "$label failed (exit $rc); see $dir/$label.err"
}

rows=()
row() { # label jobs bytes
    local out=$dir/$1.j$2.jsonl
    local mbps
    mbps=$(awk -v b="$3" -v s="$secs" 'BEGIN { if (s > 0) printf "%.2f", b / 1e6 / s; else print "-" }')
    rows+=("$(printf '%-10s %4s %9.1f %9s %9s %9s %12s %10s' "$1" "$2" \
        "$(awk -v b="$3" 'BEGIN { print b / 1e6 }')" "$secs" "$mbps" "$cpu" "$rss_mb" \
        "$(wc -l < "$out")")")
}

for j in 1 2; do
    echo "large file -j$j" >&2
    measure "large.j$j" "$dg" extract -j "$j" "$dir/large.txt" -o "$dir/large.j$j.jsonl" \
        2> "$dir/large.err"
    row large "$j" "$large_bytes"
done
echo "large file on stdin -j2" >&2
measure stdin "$dg" extract -j 2 - -o "$dir/stdin.j2.jsonl" < "$dir/large.txt" 2> "$dir/stdin.err"
row stdin 2 "$large_bytes"
for j in 1 2; do
    echo "single line -j$j" >&2
    measure "line.j$j" "$dg" extract -j "$j" "$dir/line.txt" -o "$dir/line.j$j.jsonl" \
        2> "$dir/line.err"
    row line "$j" "$line_bytes"
done
for j in 1 2; do
    echo "$nfiles small files -j$j" >&2
    measure "small.j$j" "$dg" extract -j "$j" "$dir/small" -o "$dir/small.j$j.jsonl" \
        2> "$dir/small.err"
    row small "$j" "$small_bytes"
done

same=no
cmp -s "$dir/large.j1.jsonl" "$dir/large.j2.jsonl" && same=yes
printf 'large file: %s (%.1f MB, zh,en,zh-Hant, seed %s); -j1 and -j2 identical: %s\n' \
    "$dir/large.txt" "$(awk -v b="$large_bytes" 'BEGIN { print b / 1e6 }')" "$seed" "$same"
printf 'single line: %.1f MB (over --max-doc-bytes: read past); small files: %d\n\n' \
    "$(awk -v b="$line_bytes" 'BEGIN { print b / 1e6 }')" "$nfiles"
printf '%-10s %4s %9s %9s %9s %9s %12s %10s\n' input jobs MB seconds MB/s "CPU s" \
    "peak RSS MB" meetings
printf '%s\n' "${rows[@]}"
