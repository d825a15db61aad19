#!/usr/bin/env bash
# Loads a report.html in headless Chromium and fails on any console error
# (Chromium logs them as "ERROR:CONSOLE" / "Uncaught"), or when the page
# does not come back as a DOM with the diagram in it. With a second
# argument, also saves a screenshot (PNG) there.
#
# usage: report_chromium.sh REPORT.html [SCREENSHOT.png]
# Needs chromium (Debian: apt-get install -y chromium). Without it this
# FAILS on purpose: a report nobody opened in a browser is not tested.
set -uo pipefail
report=$(realpath "$1")
shot=${2:-}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "FAIL: chromium is not installed (apt-get install -y chromium); cannot check $report" >&2
    exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dg-chromium.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking
       --disable-component-update --disable-sync --no-first-run
       --disable-dev-shm-usage --user-data-dir="$tmp/profile"
       --enable-logging=stderr --v=0)
timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$report" \
    >"$tmp/dom.html" 2>"$tmp/log.txt"
st=$?
if [ $st -ne 0 ]; then
    echo "FAIL: chromium exited with $st" >&2
    tail -20 "$tmp/log.txt" >&2
    exit 1
fi
if grep -E "Uncaught|ERROR:CONSOLE|Refused to|net::ERR_" "$tmp/log.txt" >&2; then
    echo "FAIL: console errors while loading $report" >&2
    exit 1
fi
for want in '<svg' 'id="events"' 'id="timeline"' '</html>'; do
    if ! grep -q "$want" "$tmp/dom.html"; then
        echo "FAIL: the DOM Chromium built has no $want" >&2
        exit 1
    fi
done
if [ -n "$shot" ]; then
    timeout 120 "$browser" "${flags[@]}" --hide-scrollbars --window-size=1400,2400 \
        --screenshot="$(realpath -m "$shot")" "file://$report" 2>>"$tmp/log.txt" >/dev/null
    if [ ! -s "$shot" ]; then
        echo "FAIL: no screenshot written" >&2
        tail -20 "$tmp/log.txt" >&2
        exit 1
    fi
fi
echo "ok: $report loads in $(basename "$browser") without console errors"
