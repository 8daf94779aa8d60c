#!/bin/bash
set -euo pipefail
args=(python3 /opt/model/server.py)
log() { echo "[$(date +%FT%T)] $*"; }
if [[ "${DEBUG:-0}" == 1 ]]; then
  log "debug mode"
fi
log "starting ${args[*]}"
exec "${args[@]}"
