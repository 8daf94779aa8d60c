#!/usr/bin/env bash
# engine-up.sh — make a Docker engine answer on this machine and provision the local base images the
# examples and tests build FROM, without any registry (Debian packages only).
#
#   scripts/engine-up.sh            install docker.io if missing, start dockerd if none answers, provision images
#   scripts/engine-up.sh images     provision the base images only (engine must answer)
#   scripts/engine-up.sh status     exit 0 when an engine answers
#
# Never starts a second dockerd beside a running one (a second daemon tears down the first one's bridge).
# Images that already exist are kept (cache); FORCE_IMAGES=1 rebuilds them.
# Knobs: DOCKERD_LOG (default /var/log/dockerd.log), ENGINE_START_TIMEOUT (s, default 60), MIRROR (apt mirror URI).
set -euo pipefail

DOCKERD_LOG=${DOCKERD_LOG:-/var/log/dockerd.log}
ENGINE_START_TIMEOUT=${ENGINE_START_TIMEOUT:-60}
PIDFILE=/var/run/docker.pid

LOG_TAG=engine-up
# shellcheck source=lib/apt.sh
source "$(dirname "$0")/lib/apt.sh"

engine_up() { command -v docker >/dev/null && docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

dockerd_running() {
  # Any live dockerd counts (ours or the system's): we must never start another.
  local p
  if [ -f "$PIDFILE" ]; then
    p=$(cat "$PIDFILE" 2>/dev/null || true)
    [ -n "$p" ] && [ "$(cat /proc/"$p"/comm 2>/dev/null)" = dockerd ] && { echo "$p"; return 0; }
  fi
  p=$(pgrep -x dockerd 2>/dev/null | head -n 1 || true)
  [ -n "$p" ] && { echo "$p"; return 0; }
  return 1
}

start_engine() {
  if engine_up; then log "engine answers: $(docker version --format '{{.Server.Version}}')"; return 0; fi
  if [ -n "${DOCKER_HOST:-}" ] && [[ "$DOCKER_HOST" != unix:///var/run/docker.sock ]]; then
    die "DOCKER_HOST=$DOCKER_HOST does not answer; start that engine (this script only manages a local dockerd)"
  fi
  command -v dockerd >/dev/null || apt_install docker.io
  command -v docker >/dev/null || apt_install docker.io
  local pid
  if pid=$(dockerd_running); then
    log "dockerd already running (pid $pid) but not answering yet: waiting for it, not starting another"
  else
    as_root rm -f "$PIDFILE"
    log "starting dockerd (log: $DOCKERD_LOG)"
    # setsid + nohup: detached from this shell; there is no systemd on CI machines.
    if [ "$(id -u)" = 0 ]; then setsid nohup dockerd >>"$DOCKERD_LOG" 2>&1 </dev/null &
    else sudo setsid nohup dockerd >>"$DOCKERD_LOG" 2>&1 </dev/null & fi
  fi
  local i
  for ((i = 0; i < ENGINE_START_TIMEOUT * 10; i++)); do
    engine_up && { log "engine answers after $((i / 10)) s"; return 0; }
    sleep 0.1
  done
  tail -n 15 "$DOCKERD_LOG" >&2 || true
  die "dockerd did not answer within $ENGINE_START_TIMEOUT s"
}

case "${1:-up}" in
  status) engine_up && { log "engine up"; exit 0; }; log "engine down"; exit 1 ;;
  images) engine_up || die "no engine answers; run without arguments first"; exec bash "$(dirname "$0")/make-base-images.sh" ;;
  up) start_engine; exec bash "$(dirname "$0")/make-base-images.sh" ;;
  *) die "usage: $0 [up|images|status]" ;;
esac
