# Shared helpers of eng/run and eng/test. Sourced, not executed.
# shellcheck shell=bash

LEADSYNC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AZURITE_ACCOUNT_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

log() { printf '\033[1;34m[leadsync]\033[0m %s\n' "$*" >&2; }

# npm ci when node_modules is missing or older than the lock file (Azurite and Prism live there).
ensure_node_modules() {
  local marker="$LEADSYNC_ROOT/node_modules/.package-lock.json"
  if [[ ! -f "$marker" || "$LEADSYNC_ROOT/package-lock.json" -nt "$marker" ]]; then
    log "npm ci (Azurite, Prism)…"
    (cd "$LEADSYNC_ROOT" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

port_is_free() {
  node -e 'const s=require("net").createServer();s.once("error",()=>process.exit(1));s.listen(+process.argv[1],"127.0.0.1",()=>s.close(()=>process.exit(0)));' "$1"
}

wait_for_port() {
  local port=$1 tries=${2:-100}
  for ((i = 0; i < tries; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  return 1
}

# start_azurite <location|memory>: starts Azurite on free loopback ports; sets AZURITE_PID and
# AZURITE_CONNECTION_STRING.
start_azurite() {
  local location=$1 blob queue table
  blob=$(free_port); queue=$(free_port); table=$(free_port)
  while [[ $queue == "$blob" ]]; do queue=$(free_port); done
  while [[ $table == "$blob" || $table == "$queue" ]]; do table=$(free_port); done
  local args=(--silent --skipApiVersionCheck --loose --disableProductStyleUrl --disableTelemetry
    --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue"
    --tableHost 127.0.0.1 --tablePort "$table")
  if [[ $location == memory ]]; then
    args+=(--inMemoryPersistence)
  else
    mkdir -p "$location"
    args+=(--location "$location")
  fi
  "$LEADSYNC_ROOT/node_modules/.bin/azurite" "${args[@]}" >"${AZURITE_LOG:-/dev/null}" 2>&1 &
  AZURITE_PID=$!
  if ! wait_for_port "$table" 200 || ! wait_for_port "$queue" 50; then
    log "Azurite did not start"; return 1
  fi
  AZURITE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$AZURITE_ACCOUNT_KEY;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
  export AZURITE_CONNECTION_STRING
}
