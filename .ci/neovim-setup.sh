#!/usr/bin/env bash
# Installs Neovim (Debian package) for the end-to-end test when it is missing.
set -euo pipefail
if command -v nvim >/dev/null 2>&1; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq neovim >/dev/null
nvim --version | head -1
