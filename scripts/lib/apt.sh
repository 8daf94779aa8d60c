# Sourced by the setup scripts: root escalation and an apt install that only touches missing packages.
# The caller sets LOG_TAG (a prefix for messages) before sourcing.
log() { printf '[%s] %s\n' "${LOG_TAG:-setup}" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "${LOG_TAG:-setup}" "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "needs root for: $*"; fi; }

APT_UPDATED=
apt_install() {
  local missing=() p aptlog="/tmp/${LOG_TAG:-setup}-apt.log"
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "apt-get not found: install ${missing[*]} yourself"
  if [ -z "$APT_UPDATED" ]; then
    log "apt-get update"
    as_root apt-get -o DPkg::Lock::Timeout=300 update -q >"$aptlog" 2>&1 || { tail -20 "$aptlog" >&2; die "apt-get update failed"; }
    APT_UPDATED=1
  fi
  log "apt-get install ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    -o DPkg::Lock::Timeout=300 "${missing[@]}" >"$aptlog" 2>&1 \
    || { tail -30 "$aptlog" >&2; die "apt-get install ${missing[*]} failed"; }
}
