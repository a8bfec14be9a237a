#!/usr/bin/env bash
# Installs pre-commit (Debian package) for test/cli/preCommit.test.ts, which runs this repository's
# .pre-commit-hooks.yaml for real in a throwaway git repository, when it is missing.
set -euo pipefail
if command -v pre-commit >/dev/null 2>&1; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq pre-commit >/dev/null
pre-commit --version
