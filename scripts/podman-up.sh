#!/usr/bin/env bash
# podman-up.sh — a rootless Podman engine beside dockerd, for the Podman tests (and for trying the kit on Podman).
#
#   scripts/podman-up.sh          install podman, make its user, start `podman system service`, load the base images
#   scripts/podman-up.sh socket   print the socket path (exit 1 when the service does not answer)
#
# Rootless, on purpose: a rootful Podman manages iptables and its bridge as dockerd does, and the two fight over one
# machine; a rootless one publishes ports through slirp4netns in its own namespaces and leaves dockerd alone.
# The base images come from the Docker engine (`docker save | podman load`): no registry is needed.
set -euo pipefail

LOG_TAG=podman-up
# shellcheck source=lib/apt.sh
source "$(dirname "$0")/lib/apt.sh"

PODMAN_USER=${PODMAN_USER:-mikpod}

socket() { echo "/run/user/$(id -u "$PODMAN_USER")/podman/podman.sock"; }
as_user() { local u; u=$(id -u "$PODMAN_USER"); as_root su - "$PODMAN_USER" -c "export XDG_RUNTIME_DIR=/run/user/$u; $*"; }
answers() { id "$PODMAN_USER" >/dev/null 2>&1 && as_root curl -sf -m 3 --unix-socket "$(socket)" http://podman/_ping >/dev/null 2>&1; }

make_user() {
  id "$PODMAN_USER" >/dev/null 2>&1 || as_root useradd -m -s /bin/sh "$PODMAN_USER"
  # Sub-ids for the user namespace (a range clear of the ones useradd hands out).
  grep -q "^$PODMAN_USER:" /etc/subuid || echo "$PODMAN_USER:300000:65536" | as_root tee -a /etc/subuid >/dev/null
  grep -q "^$PODMAN_USER:" /etc/subgid || echo "$PODMAN_USER:300000:65536" | as_root tee -a /etc/subgid >/dev/null
  local u; u=$(id -u "$PODMAN_USER")
  as_root mkdir -p "/run/user/$u/podman"
  as_root chown -R "$PODMAN_USER" "/run/user/$u"
  as_root chmod 700 "/run/user/$u"
  # slirp4netns opens the tun device as the user; most distributions ship it 0666, some machines 0600.
  [ -c /dev/net/tun ] && as_root chmod 0666 /dev/net/tun
}

start_service() {
  if answers; then log "podman service answers on $(socket)"; return; fi
  log "starting podman system service on $(socket)"
  as_user "setsid nohup podman system service --time=0 unix://$(socket) >/tmp/podman-service-$PODMAN_USER.log 2>&1 </dev/null &"
  local i
  for ((i = 0; i < 100; i++)); do answers && { log "podman answers"; return; }; sleep 0.1; done
  tail -n 20 /tmp/podman-service-$PODMAN_USER.log >&2 || true
  die "podman system service did not answer"
}

load_images() {
  local img
  for img in python:3.11-slim busybox:latest; do
    if as_user "podman image exists $img"; then log "$img present in podman (cached)"; continue; fi
    docker image inspect "$img" >/dev/null 2>&1 || die "$img is not in the Docker engine: run npm run engine:up first"
    log "loading $img into podman"
    docker save "$img" | as_user "podman load -q" >/dev/null
  done
}

case "${1:-up}" in
  socket) answers || exit 1; socket ;;
  up)
    apt_install podman uidmap slirp4netns fuse-overlayfs curl
    make_user
    start_service
    load_images
    ;;
  *) die "usage: $0 [up|socket]" ;;
esac
