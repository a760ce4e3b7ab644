#!/usr/bin/env bash
# Installs the Azurite storage emulator into <repo>/.local/tools (git-ignored),
# so neither the tests nor the local run need a global npm install or Docker.
set -euo pipefail

# 3.35.0 is the newest 3.x that supports node 20 (3.36.0+ require node >= 21/22).
AZURITE_VERSION="3.35.0"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=deploy/local/common.sh
source "$repo/deploy/local/common.sh"

tools="$repo/.local/tools"
bin="$tools/node_modules/.bin/azurite-table"
pkg="$tools/node_modules/azurite/package.json"

ensure_node

installed_version() {
  [[ -f "$pkg" ]] || return 0
  node -p 'require(process.argv[1]).version' "$pkg" 2>/dev/null || true
}

# Idempotent: skip npm (and the network) when the pinned version is already there.
if [[ -x "$bin" && "$(installed_version)" == "$AZURITE_VERSION" ]]; then
  log "Azurite $AZURITE_VERSION already installed in $tools"
  exit 0
fi

log "Installing Azurite $AZURITE_VERSION into $tools"
mkdir -p "$tools"
npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >&2

[[ -x "$bin" ]] || die "npm finished but $bin is missing."
[[ "$(installed_version)" == "$AZURITE_VERSION" ]] || die "expected Azurite $AZURITE_VERSION, found '$(installed_version)'."
log "Azurite $AZURITE_VERSION installed"
