#!/usr/bin/env bash
# A short fuzzing run for CI: builds the libFuzzer targets (clang,
# -fsanitize=fuzzer,address,undefined) in build-fuzz and runs each one for
# FUZZ_SECONDS (60) on its seed corpus and dictionary, FUZZ_JOBS (2) at a
# time. New inputs go to a temporary directory, not into the repository;
# a crash, a leak or a timeout fails the run, and its input is kept under
# build-fuzz/crashes/<target>/ (add it to tests/fuzz/corpus/<target>/ once
# fixed, so that every build replays it). Long campaigns are a separate
# job; this only catches what a minute finds.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD_FUZZ:-build-fuzz}
SECS=${FUZZ_SECONDS:-60}
JOBS=${FUZZ_JOBS:-2}

if [ ! -f "$BUILD/CMakeCache.txt" ]; then
    CC=clang cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDG_FUZZ=ON > /dev/null
fi
targets=()
for src in tests/fuzz/fuzz_*.c; do
    t=$(basename "$src" .c)
    targets+=("${t#fuzz_}")
done
cmake --build "$BUILD" -j "$JOBS" --target "${targets[@]/#/fuzz_}" > /dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/dg-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT

fuzz_one() { # TARGET: runs it, leaves its exit status in $work/TARGET.rc
    local t=$1 dict=() rc=0
    [ -f "tests/fuzz/$t.dict" ] && dict=(-dict="tests/fuzz/$t.dict")
    mkdir -p "$work/$t/new"
    "$BUILD/tests/fuzz_$t" -max_total_time="$SECS" -timeout=25 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$work/$t/" "${dict[@]}" \
        "$work/$t/new" "tests/fuzz/corpus/$t" > "$work/$t.log" 2>&1 || rc=$?
    echo "$rc" > "$work/$t.rc"
}

start=$(date +%s)
running=0
for t in "${targets[@]}"; do
    if [ "$running" -ge "$JOBS" ]; then
        wait -n || true
        running=$((running - 1))
    fi
    fuzz_one "$t" &
    running=$((running + 1))
done
wait || true

status=0
for t in "${targets[@]}"; do
    rc=$(cat "$work/$t.rc" 2> /dev/null || echo 1)
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t.log" | tail -1)
    if [ "$rc" = 0 ]; then
        echo "fuzz $t: ok, ${runs:-?} runs in ${SECS} s"
    else
        status=1
        echo "fuzz $t: FAILED (exit $rc); the end of its log:" >&2
        tail -40 "$work/$t.log" >&2
        mkdir -p "$BUILD/crashes/$t"
        find "$work/$t" -maxdepth 1 -type f -exec cp {} "$BUILD/crashes/$t/" \;
        echo "fuzz $t: inputs kept in $BUILD/crashes/$t/" >&2
    fi
done
echo "fuzz-smoke: ${#targets[@]} targets in $(( $(date +%s) - start )) s"
exit $status
