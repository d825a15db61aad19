#!/usr/bin/env bash
# The two commands of the README, for a fresh Debian 12 machine:
#   ./dg.sh demo   install what is missing, build, run the main job on graphs/lmc-2021
#   ./dg.sh test   install what is missing, build, run the whole suite twice:
#                  the normal build and an AddressSanitizer+UBSan build
# Package installs are idempotent and skipped when everything is present.
set -euo pipefail
cd "$(dirname "$0")"
what=${1:-demo}
case "$what" in
demo)
    bash scripts/setup-deps.sh
    make demo
    ;;
test)
    DG_WITH_BROWSER=1 bash scripts/setup-deps.sh
    make test
    make test-asan
    ;;
*)
    echo "usage: ./dg.sh demo|test" >&2
    exit 2
    ;;
esac
