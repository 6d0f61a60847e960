#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests when it is missing. The tests drive this
# system browser through Playwright; no test tool downloads a browser of its own.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_chromium.sh: $CHROMIUM is missing and apt-get is not available;" \
        "install Chromium with your system's package manager so that $CHROMIUM exists" >&2
    exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    echo "install_chromium.sh: $CHROMIUM is missing; installing it needs root, and sudo is" \
        "not available. As root run: apt-get update && apt-get install -y chromium" >&2
    exit 1
fi

echo "Installing Debian's chromium package for the browser tests"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y --no-install-recommends chromium

if [ ! -x "$CHROMIUM" ]; then
    echo "install_chromium.sh: the chromium package installed but $CHROMIUM is missing" >&2
    exit 1
fi
