#!/usr/bin/env bash
# registry-up.sh — a real image registry on loopback for the push tests: Debian's docker-registry (distribution 2.8)
# with TLS (a CA made here, trusted by the engine through /etc/docker/certs.d) and basic auth (htpasswd), as SWR is
# reached over TLS with a login.
#
#   scripts/registry-up.sh          install what is missing, start the registry unless it already answers
#   scripts/registry-up.sh status   exit 0 when the registry of the state file answers
#   scripts/registry-up.sh down     stop it (by its pid) and forget its certs.d entry
#
# State (CA, server cert, htpasswd, config, storage, log): REGISTRY_STATE_DIR, default <repo>/.cache/registry.
# The tests read <state>/state.json: {"address": "127.0.0.1:<port>", "user", "password", "ca", "pid", "dir"}.
# Idempotent: a registry that answers is kept (same port, same password); a dead one is started again.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
STATE_DIR=${REGISTRY_STATE_DIR:-$ROOT/.cache/registry}
STATE=$STATE_DIR/state.json
REGISTRY_START_TIMEOUT=${REGISTRY_START_TIMEOUT:-20}
USER_NAME=kit-tester

LOG_TAG=registry-up
# shellcheck source=lib/apt.sh
source "$(dirname "$0")/lib/apt.sh"

field() { [ -f "$STATE" ] && node -e 'const s=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));process.stdout.write(String(s[process.argv[2]]??""))' "$STATE" "$1"; }

# 401 from /v2/ over TLS with our CA: up, and asking for the login.
answers() {
  local addr ca code
  addr=$(field address 2>/dev/null) || return 1
  ca=$(field ca 2>/dev/null) || return 1
  [ -n "$addr" ] && [ -f "$ca" ] || return 1
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 --cacert "$ca" "https://$addr/v2/" 2>/dev/null) || return 1
  [ "$code" = 401 ]
}

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})'; }

make_certs() {
  [ -f "$STATE_DIR/ca.crt" ] && [ -f "$STATE_DIR/server.crt" ] && return 0
  log "making a CA and a server certificate for 127.0.0.1"
  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=ModelArts Image Kit test CA" \
    -keyout "$STATE_DIR/ca.key" -out "$STATE_DIR/ca.crt" >/dev/null 2>&1
  openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$STATE_DIR/server.key" -out "$STATE_DIR/server.csr" >/dev/null 2>&1
  printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >"$STATE_DIR/server.ext"
  openssl x509 -req -in "$STATE_DIR/server.csr" -CA "$STATE_DIR/ca.crt" -CAkey "$STATE_DIR/ca.key" -CAcreateserial -days 3650 \
    -extfile "$STATE_DIR/server.ext" -out "$STATE_DIR/server.crt" >/dev/null 2>&1
  chmod 600 "$STATE_DIR"/*.key
}

write_config() {
  local port=$1
  cat >"$STATE_DIR/config.yml" <<EOF
version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: $STATE_DIR/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
  tls:
    certificate: $STATE_DIR/server.crt
    key: $STATE_DIR/server.key
auth:
  htpasswd:
    realm: modelarts-kit-test
    path: $STATE_DIR/htpasswd
EOF
}

write_state() {
  local port=$1 password=$2 pid=$3
  ADDR="127.0.0.1:$port" PASS="$password" PID="$pid" CA="$STATE_DIR/ca.crt" DIR="$STATE_DIR" U="$USER_NAME" node -e '
    const e = process.env;
    const s = { address: e.ADDR, user: e.U, password: e.PASS, ca: e.CA, pid: Number(e.PID), dir: e.DIR };
    require("fs").writeFileSync(process.argv[1], JSON.stringify(s, null, 2) + "\n", { mode: 0o600 });' "$STATE"
}

start_registry() {
  local port password pid i
  port=$(field address 2>/dev/null | sed -n 's/^127\.0\.0\.1:\([0-9]*\)$/\1/p') || true
  [ -n "$port" ] || port=$(free_port)
  password=$(field password 2>/dev/null || true)
  [ -n "$password" ] || password=$(openssl rand -hex 16)
  # -i: the password comes on stdin, never on a command line.
  printf '%s\n' "$password" | htpasswd -iBc "$STATE_DIR/htpasswd" "$USER_NAME" 2>/dev/null
  write_config "$port"
  log "starting docker-registry on 127.0.0.1:$port (log: $STATE_DIR/registry.log)"
  setsid nohup docker-registry serve "$STATE_DIR/config.yml" >>"$STATE_DIR/registry.log" 2>&1 </dev/null &
  pid=$!
  write_state "$port" "$password" "$pid"
  # The engine trusts the CA for this address without a restart (it reads certs.d on each connection).
  as_root mkdir -p "/etc/docker/certs.d/127.0.0.1:$port"
  as_root cp "$STATE_DIR/ca.crt" "/etc/docker/certs.d/127.0.0.1:$port/ca.crt"
  for ((i = 0; i < REGISTRY_START_TIMEOUT * 10; i++)); do
    answers && { log "registry answers on 127.0.0.1:$port (basic auth, TLS)"; return 0; }
    kill -0 "$pid" 2>/dev/null || { tail -n 15 "$STATE_DIR/registry.log" >&2; die "docker-registry exited"; }
    sleep 0.1
  done
  tail -n 15 "$STATE_DIR/registry.log" >&2 || true
  die "the registry did not answer within $REGISTRY_START_TIMEOUT s"
}

stop_registry() {
  local pid addr
  pid=$(field pid 2>/dev/null || true)
  addr=$(field address 2>/dev/null || true)
  if [ -n "$pid" ] && [ "$(cat /proc/"$pid"/comm 2>/dev/null)" = docker-registry ]; then
    kill "$pid"
    log "stopped docker-registry (pid $pid)"
  fi
  [ -n "$addr" ] && as_root rm -rf "/etc/docker/certs.d/$addr"
  return 0
}

case "${1:-up}" in
  status) answers ;;
  down) stop_registry ;;
  up)
    if answers; then log "registry answers on $(field address)"; exit 0; fi
    command -v docker-registry >/dev/null || apt_install docker-registry
    command -v htpasswd >/dev/null || apt_install apache2-utils
    command -v skopeo >/dev/null || apt_install skopeo
    command -v openssl >/dev/null || apt_install openssl
    command -v curl >/dev/null || apt_install curl
    mkdir -p "$STATE_DIR/data"
    chmod 700 "$STATE_DIR"
    make_certs
    start_registry
    ;;
  *) die "usage: $0 [up|status|down]" ;;
esac
