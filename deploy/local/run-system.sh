#!/usr/bin/env bash
# Runs the whole Fabrikam Drone Delivery system locally: Azurite (tables + queues),
# the Orleans silo, the gateway API and, when present, the drone simulator.
# Ctrl-C stops everything this script started.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=deploy/local/common.sh
source "$repo/deploy/local/common.sh"

AZURITE_TABLE_PORT="${AZURITE_TABLE_PORT:-10002}"
AZURITE_QUEUE_PORT="${AZURITE_QUEUE_PORT:-10001}"
SILO_HTTP_PORT="${SILO_HTTP_PORT:-8081}"
SILO_PORT="${SILO_PORT:-11111}"
SILO_GATEWAY_PORT="${SILO_GATEWAY_PORT:-30000}"
GATEWAY_HTTP_PORT="${GATEWAY_HTTP_PORT:-8080}"
# A fresh development key per run unless the caller pins one.
OPERATOR_KEY="${OPERATOR_KEY:-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')}"

logs="$repo/.local/logs"
mkdir -p "$logs" "$repo/.local/azurite"

# Job control puts every background child in its own process group, so cleanup can
# kill `dotnet run` together with the app it spawned, and Ctrl-C reaches only us.
set -m

pids=()
names=()
logfiles=()
cleaned_up=0
# shellcheck disable=SC2317  # invoked via trap
cleanup() {
  (( cleaned_up )) && return 0
  cleaned_up=1
  # A second Ctrl-C or TERM (e.g. from a supervisor that signals twice) must not cut the stop short.
  trap '' INT TERM
  set +m  # no "Terminated" job notices while we stop things
  (( ${#pids[@]} )) || return 0
  log "Stopping ${names[*]}"
  # Newest first, so the silo still has storage while it shuts down. Azurite saves its data
  # only on SIGINT (SIGTERM loses its last seconds of writes); the .NET hosts stop gracefully
  # on SIGTERM, which, unlike SIGINT, a script started in the background can't have ignored.
  local i pid signal deadline
  for (( i=${#pids[@]}-1; i>=0; i-- )); do
    pid="${pids[$i]}"
    signal=TERM
    [[ "${names[$i]}" == azurite* ]] && signal=INT
    kill "-$signal" -- "-$pid" 2>/dev/null || true
    deadline=$((SECONDS + 30))
    while kill -0 -- "-$pid" 2>/dev/null && (( SECONDS < deadline )); do sleep 0.3; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# start NAME LOG CMD...: run CMD in the background, output appended to .local/logs/LOG.
start() {
  local name="$1" logfile="$logs/$2"; shift 2
  printf '\n===== %s started %s =====\n' "$name" "$(date -Is)" >>"$logfile"
  "$@" >>"$logfile" 2>&1 </dev/null &
  pids+=("$!")
  names+=("$name")
  [[ " ${logfiles[*]} " == *" $logfile "* ]] || logfiles+=("$logfile")
}

# Fail fast with a clear message instead of a bind error buried in a log.
require_free_port() {
  if port_open 127.0.0.1 "$1"; then
    die "port $1 ($2) is already in use; stop whatever uses it or set $3 to another port."
  fi
}

# wait_service NAME PID URL TIMEOUT: wait for a 2xx, giving up early if the process dies.
wait_service() {
  local name="$1" pid="$2" url="$3" timeout="$4"
  local deadline=$((SECONDS + timeout))
  log "Waiting for $name at $url (up to ${timeout}s)"
  until wait_for_http "$url" 2; do
    if ! kill -0 "$pid" 2>/dev/null || (( SECONDS >= deadline )); then
      printf '\nerror: %s did not become ready at %s. Last lines of %s:\n' "$name" "$url" "$logs/$name.log" >&2
      tail -n 60 "$logs/$name.log" >&2 || true
      exit 1
    fi
    sleep 1
  done
}

ensure_dotnet
ensure_curl

# --- Azurite ---------------------------------------------------------------
bash "$repo/deploy/local/install-azurite.sh"
azbin="$repo/.local/tools/node_modules/.bin"
if port_open 127.0.0.1 "$AZURITE_TABLE_PORT"; then
  log "Something already listens on 127.0.0.1:$AZURITE_TABLE_PORT; assuming Azurite is running and reusing it"
else
  # --disableTelemetry: Azurite otherwise phones home, and logs errors when offline.
  start azurite-table azurite.log "$azbin/azurite-table" --tableHost 127.0.0.1 --tablePort "$AZURITE_TABLE_PORT" \
    --location "$repo/.local/azurite" --skipApiVersionCheck --silent --disableTelemetry
  start azurite-queue azurite.log "$azbin/azurite-queue" --queueHost 127.0.0.1 --queuePort "$AZURITE_QUEUE_PORT" \
    --location "$repo/.local/azurite" --skipApiVersionCheck --silent --disableTelemetry
  wait_for_port 127.0.0.1 "$AZURITE_TABLE_PORT" 30 \
    || { tail -n 40 "$logs/azurite.log" >&2 || true; die "Azurite table service did not start"; }
  wait_for_port 127.0.0.1 "$AZURITE_QUEUE_PORT" 30 \
    || { tail -n 40 "$logs/azurite.log" >&2 || true; die "Azurite queue service did not start"; }
fi

# UseDevelopmentStorage=true means Azurite's standard ports; spell the endpoints out otherwise.
if [[ "$AZURITE_TABLE_PORT" == 10002 && "$AZURITE_QUEUE_PORT" == 10001 ]]; then
  storage="UseDevelopmentStorage=true"
else
  # Well-known, public Azurite development account key (not a secret).
  storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$AZURITE_TABLE_PORT/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$AZURITE_QUEUE_PORT/devstoreaccount1;"
fi

# --- .NET services ---------------------------------------------------------
require_free_port "$SILO_HTTP_PORT" "silo HTTP" SILO_HTTP_PORT
require_free_port "$SILO_PORT" "Orleans silo-to-silo" SILO_PORT
require_free_port "$SILO_GATEWAY_PORT" "Orleans client gateway" SILO_GATEWAY_PORT
require_free_port "$GATEWAY_HTTP_PORT" "gateway API HTTP" GATEWAY_HTTP_PORT

# Only what runs here: the tests are the other command's business, and building them doubles the wait.
simulator="$repo/simulator/DroneDelivery.Simulator.csproj"
for project in "$repo/silo/DroneDelivery.Silo.csproj" "$repo/gateway-api/DroneDelivery.GatewayApi.csproj" "$simulator"; do
  log "Building $(basename "$project" .csproj) (Release)"
  dotnet build "$project" -c Release -nologo
done

# Configuration comes from environment variables only; --no-launch-profile keeps
# launchSettings.json from overriding URLs or the environment name.
common_env=(
  "ConnectionStrings__AzureStorage=$storage"
  "DroneDelivery__Cluster__ClusterId=local"
  "DroneDelivery__Operator__ApiKeys__0=$OPERATOR_KEY"
  "ASPNETCORE_ENVIRONMENT=Development"
  "DOTNET_ENVIRONMENT=Development"
)

start silo silo.log env "${common_env[@]}" \
  "Urls=http://127.0.0.1:$SILO_HTTP_PORT" \
  "DroneDelivery__Cluster__SiloPort=$SILO_PORT" \
  "DroneDelivery__Cluster__GatewayPort=$SILO_GATEWAY_PORT" \
  dotnet run --no-build --no-launch-profile -c Release --project "$repo/silo/DroneDelivery.Silo.csproj"
silo_pid="${pids[-1]}"

start gateway gateway.log env "${common_env[@]}" \
  "Urls=http://127.0.0.1:$GATEWAY_HTTP_PORT" \
  dotnet run --no-build --no-launch-profile -c Release --project "$repo/gateway-api/DroneDelivery.GatewayApi.csproj"
gateway_pid="${pids[-1]}"

wait_service silo "$silo_pid" "http://127.0.0.1:$SILO_HTTP_PORT/health/ready" 120
wait_service gateway "$gateway_pid" "http://127.0.0.1:$GATEWAY_HTTP_PORT/health/ready" 120

# The simulator drives traffic through the gateway, so start it once the gateway is ready.
if [[ -f "$simulator" ]]; then
  : >"$logs/tracking-links.txt"
  start simulator simulator.log env "${common_env[@]}" \
    "DroneDelivery__Simulator__GatewayUrl=http://127.0.0.1:$GATEWAY_HTTP_PORT" \
    "DroneDelivery__Simulator__ApiKey=$OPERATOR_KEY" \
    "DroneDelivery__Simulator__DemoDeliveriesPerMinute=0.5" \
    "DroneDelivery__Simulator__DemoTrackingLinksFile=$logs/tracking-links.txt" \
    "DroneDelivery__Simulator__Speed=${SIMULATOR_SPEED:-5}" \
    dotnet run --no-build --no-launch-profile -c Release --project "$simulator"
fi

# The silo serves the dashboard behind operator sign-in (401 without it); a 404 means a silo
# without it, so say so rather than print a dead link.
dashboard="http://127.0.0.1:$SILO_HTTP_PORT/dashboard/
                      sign in with any user name and the operator key as password"
if [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$SILO_HTTP_PORT/dashboard" || true)" == 404 ]]; then
  dashboard="not hosted by this version of the silo"
fi

cat <<INFO

Fabrikam Drone Delivery is running.

  Swagger UI          http://127.0.0.1:$GATEWAY_HTTP_PORT/swagger
  Gateway API base    http://127.0.0.1:$GATEWAY_HTTP_PORT/
  Silo health         http://127.0.0.1:$SILO_HTTP_PORT/health/ready
  Metrics             http://127.0.0.1:$SILO_HTTP_PORT/metrics (silo), http://127.0.0.1:$GATEWAY_HTTP_PORT/metrics (gateway)
  Orleans Dashboard   $dashboard
  Fleet map           http://127.0.0.1:$GATEWAY_HTTP_PORT/ops (sign in with the operator key)
  Tracking pages      the trackingUrl of each delivery request; the demo deliveries' links,
                      newest last, in $logs/tracking-links.txt

  Development operator key (this run only):
    $OPERATOR_KEY
  Send it in the X-Api-Key header on operator endpoints, e.g.
    curl -H "X-Api-Key: $OPERATOR_KEY" http://127.0.0.1:$GATEWAY_HTTP_PORT/...
  In Swagger UI use "Authorize" and paste the key.

  Logs:$(printf '\n    %s' "${logfiles[@]}")
  Azurite data: $repo/.local/azurite

Press Ctrl-C to stop.
INFO

# Stay up until a child exits on its own (or Ctrl-C); then the EXIT trap stops the rest.
set +e
wait -n "${pids[@]}"
status=$?
set -e
for i in "${!pids[@]}"; do
  if ! kill -0 "${pids[$i]}" 2>/dev/null; then
    log "${names[$i]} exited (status $status); see the logs in $logs"
  fi
done
exit "$status"
