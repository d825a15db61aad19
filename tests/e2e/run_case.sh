#!/usr/bin/env bash
# Runs one end-to-end case: tests/e2e/<case>/cmd is a bash script that runs
# "$DG" (the diplograph binary) and writes what it makes into "$OUT". Every
# file under <case>/expected/ must then equal the file of the same name in
# "$OUT", byte for byte. DIPLOGRAPH_UPDATE_GOLDEN=1 rewrites expected/ from
# the outputs instead (review the diff before committing).
set -euo pipefail
DG=$1
CASE=$2
SRC=$3
# the build directory, for cases that run other programs of the build
DG_BUILD_DIR=$(dirname "$DG")
OUT=$(mktemp -d "${TMPDIR:-/tmp}/dg-e2e.XXXXXX")
# (a case may leave files it made unreadable)
trap 'chmod -R u+rwx "$OUT" 2> /dev/null; rm -rf "$OUT"' EXIT
# DG_TEST_WRAPPER (valgrind, from CMake's DG_VALGRIND): DG becomes a script
# that runs the binary through it, logging to $OUT/.vg; any report there
# fails the case, whatever the case did with the exit status.
if [ -n "${DG_TEST_WRAPPER:-}" ]; then
    mkdir -p "$OUT/.bin" "$OUT/.vg"
    chmod 1777 "$OUT/.vg"
    cat > "$OUT/.bin/diplograph" <<WRAP
#!/usr/bin/env bash
exec $DG_TEST_WRAPPER --log-file="$OUT/.vg/%p.log" "$DG" "\$@"
WRAP
    chmod 755 "$OUT/.bin/diplograph"
    DG="$OUT/.bin/diplograph"
fi
export DG DG_BUILD_DIR CASE SRC OUT
export LC_ALL=C.UTF-8 TZ=UTC
vg_reports() { # the valgrind logs that are not empty (--quiet: errors only)
    [ -d "$OUT/.vg" ] && find "$OUT/.vg" -type f -size +0 | sort
}
cd "$CASE"
rc=0
bash "$CASE/cmd" || rc=$?
reports=$(vg_reports || true)
if [ -n "$reports" ]; then
    echo "FAIL: valgrind reports:" >&2
    echo "$reports" | head -3 | xargs cat >&2
    exit 1
fi
if [ "$rc" = 77 ]; then
    echo "SKIP: $CASE/cmd cannot run here" >&2
    exit 77
elif [ "$rc" != 0 ]; then
    echo "FAIL: $CASE/cmd exited $rc" >&2
    exit 1
fi
[ -d "$CASE/expected" ] || exit 0
status=0
if [ "${DIPLOGRAPH_UPDATE_GOLDEN:-0}" = 1 ]; then
    for f in "$CASE"/expected/*; do
        name=$(basename "$f")
        cp "$OUT/$name" "$f"
    done
    echo "updated golden files in $CASE/expected"
    exit 0
fi
for f in "$CASE"/expected/*; do
    name=$(basename "$f")
    if [ ! -f "$OUT/$name" ]; then
        echo "FAIL: $name was not written" >&2
        status=1
    elif ! cmp -s "$f" "$OUT/$name"; then
        echo "FAIL: $name differs from expected/$name:" >&2
        diff -u "$f" "$OUT/$name" | head -40 >&2 || true
        status=1
    fi
done
exit $status
