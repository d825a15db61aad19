# Sourced by each tests/e2e/bad-input/<kind>/cmd (run by ../../run_case.sh,
# which sets DG, CASE, SRC and OUT). A case puts one kind of bad input
# beside good documents, runs diplograph, and records in $OUT/result.txt,
# for expected/result.txt to match byte for byte:
#   == the command line
#   its stderr, exactly (paths relative to $OUT)
#   exit N
#   meetings from: the source files of the meetings written, with counts
# so each case states the exact message and exit status, and that the good
# documents beside the bad one were still extracted.
#
# DG_TEST_SMALL=1 (set by CMake in the sanitizer and valgrind builds)
# shrinks the generated big inputs; their sizes show as N and M in the
# messages so one expected file serves both.
set -euo pipefail
export DIPLOGRAPH_DATA="$SRC/tests/data"
SMALL=${DG_TEST_SMALL:-0}
IN=in
RESULT="$OUT/result.txt"
GOOD_ZH='2021年6月7日，国务委员兼外长王毅在北京会见俄罗斯外长拉夫罗夫。'
GOOD_EN='On June 8, 2021, State Councilor and Foreign Minister Wang Yi held talks with Philippine Foreign Secretary Teodoro Locsin in Guiyang.'
cd "$OUT"
: > "$RESULT"

# Two good documents that sort before and after any bad file: in/a-good.txt
# (Chinese) and in/z-good.txt (English).
good_inputs() {
    mkdir -p "$IN"
    printf '%s\n' "$GOOD_ZH" > "$IN/a-good.txt"
    printf '%s\n' "$GOOD_EN" > "$IN/z-good.txt"
}

# Text that replaces the sizes of generated inputs (sed expressions).
SUBST=()

# dg ARGS...: runs diplograph with stdin from /dev/null, records the
# command, its stderr and its exit status.
dg() {
    local rc=0
    echo "== diplograph $*" > "$OUT/stderr.raw"
    "$DG" "$@" < /dev/null 2>> "$OUT/stderr.raw" || rc=$?
    record_stderr
    echo "exit $rc" >> "$RESULT"
}

# record_stderr: $OUT/stderr.raw into the result, with the source tree as
# SRC and the sizes of SUBST
record_stderr() {
    local args=(-e "s|$SRC/|SRC/|g")
    local e
    for e in "${SUBST[@]+"${SUBST[@]}"}"; do
        args+=(-e "$e")
    done
    sed "${args[@]}" "$OUT/stderr.raw" >> "$RESULT"
}

# sources FILE: the source files of the meetings in FILE, with counts.
sources() {
    echo "meetings from:" >> "$RESULT"
    if [ -s "$1" ]; then
        grep -o '"file":"[^"]*"' "$1" | sed 's/"file":"\(.*\)"/\1/' | sort | uniq -c \
            | sed 's/^ */  /' >> "$RESULT"
    else
        echo "  (none)" >> "$RESULT"
    fi
}

# note TEXT: a line of the case's own checks into the result.
note() {
    echo "$*" >> "$RESULT"
}

# snapshot DIR / unchanged DIR: the files of DIR and their checksums before,
# then whether they are the same after (no file replaced, no temporary
# file left).
snapshot() {
    (cd "$1" && ls -A | sort && md5sum -- *) > "$OUT/snapshot.$(basename "$1")"
}
unchanged() {
    if (cd "$1" && ls -A | sort && md5sum -- *) | cmp -s - "$OUT/snapshot.$(basename "$1")"; then
        note "$1: unchanged, no temporary file"
    else
        note "$1: CHANGED:"
        (cd "$1" && ls -A) >> "$RESULT"
    fi
}

# as_user CMD...: runs CMD as an unprivileged user when we are root (root
# reads and writes past permissions, so the permission cases would test
# nothing); returns 77 when that cannot be done.
as_user() {
    if [ "$(id -u)" != 0 ]; then
        "$@"
    elif command -v setpriv > /dev/null &&
         setpriv --reuid=65534 --regid=65534 --clear-groups true 2> /dev/null; then
        setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
    else
        return 77
    fi
}
