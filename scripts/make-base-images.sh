#!/usr/bin/env bash
# make-base-images.sh — the base images the examples and tests build FROM, made locally from Debian packages
# (no registry): python:3.11-slim (mmdebstrap minbase + python3; bookworm's python3 is 3.11) and busybox:latest
# (busybox-static). Images that already exist are kept; FORCE_IMAGES=1 rebuilds them. Needs a running engine.
set -euo pipefail

LOG_TAG=base-images
# shellcheck source=lib/apt.sh
source "$(dirname "$0")/lib/apt.sh"

have_image() { [ -z "${FORCE_IMAGES:-}" ] && docker image inspect "$1" >/dev/null 2>&1; }

mirror() {
  [ -n "${MIRROR:-}" ] && { echo "$MIRROR"; return; }
  # The Debian archive apt already uses here (not security, not third-party repositories).
  grep -rhoE '^(deb|URIs:) +[^ ]+' /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null \
    | awk '{print $2}' | grep -E '/debian/?$' | grep -v security | head -n 1 || true
}

make_python() {
  local tag=python:3.11-slim
  if have_image "$tag"; then log "$tag present (cached)"; return; fi
  apt_install mmdebstrap
  local m; m=$(mirror); [ -n "$m" ] || m=http://deb.debian.org/debian
  log "building $tag from Debian bookworm (python3 is 3.11) via $m — about a minute"
  # minbase + python3 (python3-minimal alone lacks json); ca-certificates so https works inside.
  # Imported untagged first: an interrupted mmdebstrap must not leave an empty image under the real name.
  local id
  if ! id=$(mmdebstrap --quiet --variant=minbase --include=python3,ca-certificates --format=tar bookworm - "$m" \
      | docker import -c 'CMD ["python3"]' -c 'ENV LANG=C.UTF-8' -); then
    [ -n "${id:-}" ] && docker rmi "$id" >/dev/null 2>&1
    die "building $tag failed"
  fi
  docker run --rm "$id" python3 -c 'import json, http.server' || { docker rmi "$id" >/dev/null 2>&1; die "$tag has no working python3"; }
  docker tag "$id" "$tag"
  log "$tag ready"
}

make_busybox() {
  local tag=busybox:latest
  if have_image "$tag"; then log "$tag present (cached)"; return; fi
  apt_install busybox-static
  local root; root=$(mktemp -d /tmp/engine-up-busybox.XXXXXX)
  mkdir -p "$root/bin" "$root/tmp" "$root/home" "$root/www"
  cp /bin/busybox "$root/bin/busybox"
  local a
  for a in $("$root/bin/busybox" --list); do [ "$a" = busybox ] || ln -s busybox "$root/bin/$a"; done
  tar -C "$root" -c . | docker import -c 'CMD ["/bin/sh"]' -c 'ENV PATH=/bin' - "$tag" >/dev/null
  rm -rf "$root"
  log "$tag ready"
}

docker version >/dev/null 2>&1 || die "no engine answers (run scripts/engine-up.sh)"
make_busybox
make_python
