#!/usr/bin/env bash
# Installs the programs the test suite runs for real but a fresh machine may lack (rsync).
# Idempotent: does nothing when they are present. It never fails the build: when it cannot
# install, it says why and exits 0, and the tests that need the program are skipped.
set -uo pipefail

readonly INSTALL_TIMEOUT_SECONDS=300
readonly LOCK_TIMEOUT_SECONDS=60

if command -v rsync >/dev/null 2>&1; then
  exit 0
fi

skip() {
  echo "install-test-tools: rsync is not installed and $1; the rsync tests will be skipped." >&2
  exit 0
}

if [[ "$(id -u)" -ne 0 ]]; then
  skip "this build does not run as root"
fi
if ! command -v apt-get >/dev/null 2>&1; then
  skip "apt-get is not available"
fi

apt_get() {
  DEBIAN_FRONTEND=noninteractive timeout "$INSTALL_TIMEOUT_SECONDS" \
    apt-get -o DPkg::Lock::Timeout="$LOCK_TIMEOUT_SECONDS" -q "$@"
}

install_rsync() {
  apt_get install -y --no-install-recommends rsync
}

echo "install-test-tools: installing rsync for the rsync tests" >&2
# Package lists are refreshed only when needed: updating is slow and needs the network.
if ! install_rsync && ! { apt_get update && install_rsync; }; then
  skip "apt-get could not install it"
fi
