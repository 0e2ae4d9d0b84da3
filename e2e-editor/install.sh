#!/usr/bin/env bash
# Installs code-server 4.100.3 (the last release that runs on Node 20), playwright-core and vsce
# without internet beyond the npm registry. Needs apt: chromium libkrb5-dev ripgrep (+ g++ make python3).
# Usage: ./install.sh [ci|install]
set -euo pipefail
cd "$(dirname "$0")"
# @vscode/ripgrep's postinstall downloads rg from GitHub; pre-seed its cache with Debian's rg.
export TMPDIR=${TMPDIR_E2E:-$PWD/.tmp}
RGV=1.15.11 # pinned by code-server 4.100.3's lib/vscode/npm-shrinkwrap.json
RG=$(command -v rg || true)
if [ -z "$RG" ]; then echo "install.sh: ripgrep (apt: ripgrep) is required" >&2; exit 1; fi
mkdir -p "$TMPDIR/vscode-ripgrep-cache-$RGV"
tar czf "$TMPDIR/vscode-ripgrep-cache-$RGV/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$RG")" rg
# code-server's postinstall refuses to run as root without this; node-pty's postinstall runs
# `npx node-gyp`, which needs yes=true where ~/.npmrc says otherwise.
npm_config_unsafe_perm=true npm_config_yes=true npm "${1:-ci}" --no-audit --no-fund
