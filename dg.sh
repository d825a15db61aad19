#!/usr/bin/env bash
# The two commands of the README, for a fresh Debian 12 machine:
#   ./dg.sh demo   install what is missing, build, run the main job on graphs/lmc-2021
#   ./dg.sh test   install what is missing, build, run the whole suite three
#                  times: the normal build, an AddressSanitizer+UBSan build
#                  and a build with the Aho-Corasick matcher
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
    make test-hs
    ;;
*)
    echo "usage: ./dg.sh demo|test" >&2
    exit 2
    ;;
esac
