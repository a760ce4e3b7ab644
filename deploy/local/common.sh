#!/usr/bin/env bash
# Shared helpers for the local scripts. Source it; do not execute it.
# Callers are expected to run with `set -euo pipefail`.

# Absolute path of the repository root (two levels above this file).
repo_root() {
  (cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
}

log() {
  printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# The solution targets net10.0, so an older SDK fails later with confusing errors.
ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 \
    || die "'dotnet' was not found on PATH. Install the .NET 10 SDK: https://dotnet.microsoft.com/download"
  local version major
  version="$(dotnet --version 2>/dev/null || true)"
  major="${version%%.*}"
  if [[ ! "$major" =~ ^[0-9]+$ ]] || (( major < 10 )); then
    die "the .NET 10 SDK (or newer) is required; 'dotnet --version' reported '${version:-nothing}'."
  fi
  # Keep CI logs free of first-run banners and telemetry notices.
  export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}

ensure_node() {
  command -v node >/dev/null 2>&1 || die "'node' was not found on PATH (node 20+ with npm is required for Azurite and the gateway's pages)."
  command -v npm >/dev/null 2>&1 || die "'npm' was not found on PATH (node 20+ with npm is required for Azurite and the gateway's pages)."
}

# Debian's Chromium, for the pages' browser tests (never a browser downloaded by a test tool).
ensure_chromium() {
  [[ -x /usr/bin/chromium ]] && return 0
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    log "chromium is missing; installing Debian's package with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    [[ -x /usr/bin/chromium ]] || die "installing chromium failed."
  else
    die "'chromium' is required for the browser tests (run: sudo apt-get install -y chromium)."
  fi
}

# curl is not part of a minimal Debian image; install it when we are allowed to.
ensure_curl() {
  command -v curl >/dev/null 2>&1 && return 0
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    log "curl is missing; installing it with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null
    command -v curl >/dev/null 2>&1 || die "installing curl failed."
  else
    die "'curl' is required but not installed (run: sudo apt-get install -y curl)."
  fi
}

# Let the kernel pick an unused TCP port on 127.0.0.1 (node is always present; python3 may not be).
free_port() {
  node -e '
    const s = require("net").createServer();
    s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => console.log(p)); });
  '
}

# True when something accepts TCP connections on HOST:PORT (bash /dev/tcp, no extra tools).
port_open() {
  local host="$1" port="$2"
  (exec 3<>"/dev/tcp/$host/$port") >/dev/null 2>&1
}

# wait_for_port HOST PORT TIMEOUT_SECONDS
wait_for_port() {
  local host="$1" port="$2" timeout="${3:-60}"
  local deadline=$((SECONDS + timeout))
  until port_open "$host" "$port"; do
    (( SECONDS >= deadline )) && return 1
    sleep 0.5
  done
}

# wait_for_http URL TIMEOUT_SECONDS: succeed on the first 2xx answer.
wait_for_http() {
  local url="$1" timeout="${2:-60}"
  ensure_curl
  local deadline=$((SECONDS + timeout))
  until curl -fsS -o /dev/null --max-time 5 "$url" >/dev/null 2>&1; do
    (( SECONDS >= deadline )) && return 1
    sleep 1
  done
}
