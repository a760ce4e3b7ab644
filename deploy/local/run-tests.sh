#!/usr/bin/env bash
# Builds the solution and runs the whole test suite, ending with a one-line summary
# ("N passed, N failed[, N skipped]") computed from the TRX reports.
# Extra arguments go to `dotnet test`, e.g.: run-tests.sh --filter "FullyQualifiedName~Delivery"
set -euo pipefail

start_time=$SECONDS
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=deploy/local/common.sh
source "$repo/deploy/local/common.sh"

results="$repo/.local/test-results"

# failures TRX...: each test that did not pass, with the first lines of its message (each cut at
# 300 characters), so they are in the tail of the output where a CI log excerpt shows them.
failures() {
  awk '
    /<UnitTestResult / {
      failing = ($0 ~ /outcome="(Failed|Error|Timeout|Aborted)"/)
      in_message = 0
      if (failing && match($0, /testName="[^"]*"/)) {
        print "  " substr($0, RSTART + 10, RLENGTH - 11); lines = 0
      }
    }
    failing && /<Message>/ { in_message = 1; sub(/.*<Message>/, "") }
    failing && in_message {
      ended = sub(/<\/Message>.*/, "")
      if (lines++ < 8) print "      " (length($0) > 300 ? substr($0, 1, 300) "..." : $0)
      if (ended) in_message = 0
    }
    /<\/UnitTestResult>/ { failing = 0; in_message = 0 }
  ' "$@" | sed -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&#xD;//g' -e 's/&amp;/\&/g'
}

elapsed() {
  local s=$((SECONDS - start_time))
  printf 'Elapsed: %dm%02ds\n' $((s / 60)) $((s % 60))
}

# attr NAME TEXT: value of NAME="..." in a <Counters .../> element, 0 if absent.
attr() {
  local v
  v="$(printf '%s' "$2" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p")"
  printf '%s' "${v:-0}"
}

ensure_dotnet
ensure_node
ensure_chromium
export CHROMIUM_BIN=/usr/bin/chromium

# Tests start their own Azurite instances on free ports and locate the binaries here.
bash "$repo/deploy/local/install-azurite.sh"
export AZURITE_TABLE_BIN="$repo/.local/tools/node_modules/.bin/azurite-table"
export AZURITE_QUEUE_BIN="$repo/.local/tools/node_modules/.bin/azurite-queue"
export AZURITE_BIN="$repo/.local/tools/node_modules/.bin/azurite"

dotnet restore "$repo/DroneDelivery.sln"
dotnet build "$repo/DroneDelivery.sln" -c Release --no-restore -nologo

# Start from an empty results directory so only this run's reports are counted.
rm -rf "$results"
mkdir -p "$results"
# Screenshots of the browser tests are kept here with the reports.
export TEST_ARTIFACTS_DIR="$results/artifacts"

# LogFilePrefix (not LogFileName) gives each test project its own .trx instead of
# letting them overwrite one another.
set +e
dotnet test "$repo/DroneDelivery.sln" -c Release --no-build \
  --logger "console;verbosity=normal" \
  --logger "trx;LogFilePrefix=tests" \
  --results-directory "$results" \
  "$@"
test_status=$?
set -e

total=0 executed=0 passed=0 failed=0 files=0 reports=()
while IFS= read -r -d '' trx; do
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)"
  [[ -n "$counters" ]] || continue
  files=$((files + 1))
  reports+=("$trx")
  total=$((total + $(attr total "$counters")))
  executed=$((executed + $(attr executed "$counters")))
  passed=$((passed + $(attr passed "$counters")))
  # Errors, timeouts and aborted tests did not pass either.
  failed=$((failed + $(attr failed "$counters") + $(attr error "$counters") + $(attr timeout "$counters") + $(attr aborted "$counters")))
done < <(find "$results" -name '*.trx' -print0)
skipped=$((total - executed))

status=0
echo
echo "Test reports: $files .trx file(s) in $results"
if (( failed > 0 )); then
  echo "Tests that did not pass:"
  failures "${reports[@]}"
fi
if (( test_status != 0 )); then
  echo "dotnet test exited with status $test_status" >&2
  status=$test_status
elif (( failed > 0 )); then
  status=1
elif (( executed == 0 )); then
  echo "error: no tests ran" >&2
  status=1
fi
elapsed
# The summary stays the very last line so CI can read it.
if (( skipped > 0 )); then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit "$status"
