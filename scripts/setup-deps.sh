#!/usr/bin/env bash
# Installs the Debian packages diplograph needs, only those that are
# missing (idempotent; a no-op taking well under a second when all are
# present). Run as root or with sudo available.
set -euo pipefail
PKGS=(build-essential make cmake pkg-config clang libclang-rt-14-dev
      libigraph-dev libcjson-dev libgraphviz-dev graphviz libxml2-dev
      libxml2-utils libutf8proc-dev libopencc-dev opencc libcmocka-dev
      fonts-wqy-microhei python3 python3-networkx python3-igraph parallel
      valgrind)
if [ "${DG_WITH_BROWSER:-0}" = 1 ]; then
    PKGS+=(chromium)
fi
missing=()
for p in "${PKGS[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
