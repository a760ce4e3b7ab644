#!/bin/bash
# Container health probe for images that ship no curl or wget: an HTTP GET over bash's
# /dev/tcp that succeeds on a 2xx answer. For an https URL only the TCP connection is checked.
# Usage: healthcheck http://127.0.0.1:8080/health/live
set -euo pipefail

url="${1:?usage: healthcheck http://host:port/path}"
scheme="${url%%://*}"
rest="${url#*://}"
hostport="${rest%%/*}"
path="/"
if [[ "$rest" == */* ]]; then
  path="/${rest#*/}"
fi
host="${hostport%%:*}"
case "$scheme" in
  http) port=80 ;;
  https) port=443 ;;
  *) echo "healthcheck: unsupported URL $url" >&2; exit 2 ;;
esac
if [[ "$hostport" == *:* ]]; then
  port="${hostport##*:}"
fi

exec 3<>"/dev/tcp/$host/$port"
if [[ "$scheme" == https ]]; then
  exit 0
fi
printf 'GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' "$path" "$hostport" >&3
read -r -t 5 _ status _ <&3
[[ "$status" == 2[0-9][0-9] ]]
