#!/usr/bin/env bash
# Soak run under faults: Azurite, 3 silos, 2 gateways and the drone simulator (50 drones) as real
# processes on free loopback ports, about 100 deliveries kept in flight, and on a schedule: a silo
# killed with SIGKILL and restarted, a silo stopped with SIGTERM and restarted, a gateway stopped
# with SIGTERM and restarted, Azurite stopped for 20 s. At the end it prints deliveries requested,
# accepted, delivered, ended otherwise (with the reason), lost, double-assigned drones, 5xx answers
# and the recovery time after each fault, and exits non-zero if any promise was broken.
#
#   deploy/local/soak.sh --minutes 30 [--drones 50] [--in-flight 100] [--speed 20]
#
# Logs of every process: .local/test-results/processes/soak-<time>/.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=deploy/local/common.sh
source "$repo/deploy/local/common.sh"

ensure_dotnet
ensure_node
bash "$repo/deploy/local/install-azurite.sh"
export AZURITE_TABLE_BIN="$repo/.local/tools/node_modules/.bin/azurite-table"
export AZURITE_QUEUE_BIN="$repo/.local/tools/node_modules/.bin/azurite-queue"

# Builds the soak harness with the silo, gateway and simulator it starts, all in Release.
project="$repo/tests/DroneDelivery.Soak/DroneDelivery.Soak.csproj"
log "Building $(basename "$project" .csproj) and the hosts it runs (Release)"
dotnet build "$project" -c Release -nologo -v q

# exec: Ctrl-C and TERM reach the harness, which stops every process it started.
exec dotnet "$repo/tests/DroneDelivery.Soak/bin/Release/net10.0/DroneDelivery.Soak.dll" "$@"
