#!/usr/bin/env bash
# Prepare a machine for `npm run test:e2e`: Debian chromium + build tools, and code-server (a real VS Code) from npm
# into the ignored folder .code-server/. Idempotent: a second run only checks what is there.
# Only the Debian mirror and the npm registry are contacted.
#   CS_VERSION : code-server version (4.100.3 = VS Code 1.100.3, the newest whose engines.node is 20)
#   CS_PREFIX  : where to install code-server (default <repo>/.code-server)
#   CS_ONLY=1  : code-server without Chromium (what `npm run try` needs)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
CS_VERSION="${CS_VERSION:-4.100.3}"
CS_PREFIX="${CS_PREFIX:-$repo/.code-server}"
TMP="${TMPDIR:-/tmp}"

# --- 1. system packages --------------------------------------------------------------------------------
# chromium    : the browser playwright-core drives (playwright's own browser download is not reachable)
# ripgrep     : stands in for the binary @vscode/ripgrep's postinstall would fetch from GitHub
# libkrb5-dev : headers for the 'kerberos' native module code-server builds from source
# build-essential python3 pkg-config : node-gyp toolchain for node-pty, kerberos, argon2, ...
need=()
browser=chromium; [ -n "${CS_ONLY:-}" ] && browser=""
for p in $browser ripgrep libkrb5-dev build-essential python3 pkg-config; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get -o DPkg::Lock::Timeout=900 update -q
  $sudo apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends "${need[@]}"
fi
[ -z "$browser" ] || chromium --version 2>/dev/null

# --- 2. code-server ------------------------------------------------------------------------------------
bin="$CS_PREFIX/node_modules/.bin/code-server"
if [ -x "$bin" ] && [ "$(HOME="$CS_PREFIX/.home" "$bin" --version 2>/dev/null | head -1 | cut -d' ' -f1)" = "$CS_VERSION" ]; then
  echo "code-server $CS_VERSION already in $CS_PREFIX"
  exit 0
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
want="$(npm view "code-server@${CS_VERSION}" engines.node)"
if [ "$want" != "$node_major" ]; then
  echo "code-server@${CS_VERSION} wants node ${want}, this is node ${node_major} (its postinstall refuses that)" >&2
  exit 1
fi

# @vscode/ripgrep's postinstall downloads ripgrep-<tag>-x86_64-unknown-linux-musl.tar.gz from api.github.com
# unless $TMPDIR/vscode-ripgrep-cache-<pkgversion>/<asset> exists: seed that cache with Debian's rg.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
( cd "$work"
  npm pack "code-server@${CS_VERSION}" --silent >/dev/null
  tar xzf "code-server-${CS_VERSION}.tgz" package/lib/vscode/npm-shrinkwrap.json
  rg_pkg="$(node -p 'require("./package/lib/vscode/npm-shrinkwrap.json").packages["node_modules/@vscode/ripgrep"].version')"
  rm -rf package
  npm pack "@vscode/ripgrep@${rg_pkg}" --silent >/dev/null
  tar xzf "vscode-ripgrep-${rg_pkg}.tgz" package/lib/postinstall.js
  rg_tag="$(sed -n "s/^const VERSION = '\(.*\)';.*/\1/p" package/lib/postinstall.js)"
  cache="${TMP}/vscode-ripgrep-cache-${rg_pkg}"
  mkdir -p "$cache"
  tar czf "${cache}/ripgrep-${rg_tag}-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
  echo "seeded ${cache}"
)

mkdir -p "$CS_PREFIX"
cd "$CS_PREFIX"
[ -f package.json ] || echo '{"name":"code-server-host","private":true}' > package.json
# unsafe_perm: code-server's postinstall refuses root under npm unless set; yes: node-pty's postinstall runs npx;
# nodedir: node-gyp must find local Node headers instead of downloading them.
export npm_config_unsafe_perm=true npm_config_yes=true
nd="$(npm config get nodedir 2>/dev/null || true)"
case "$nd" in ""|null|undefined)
  node_prefix="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
  if [ -f "$node_prefix/include/node/node.h" ]; then export npm_config_nodedir="$node_prefix"
  else echo "WARNING: no local Node headers; node-gyp will try to download them from nodejs.org" >&2; fi ;;
esac
npm install --foreground-scripts --no-audit --no-fund "code-server@${CS_VERSION}"
HOME="$CS_PREFIX/.home" "$bin" --version
