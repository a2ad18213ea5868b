#!/usr/bin/env bash
# Installs the system packages parcheck builds against (Lua 5.4 and libyaml), unless pkg-config already finds them.
# apt can be busy right after boot ("dpkg: cannot access archive"), so each step is retried once.
set -euo pipefail
if pkg-config --exists lua5.4 yaml-0.1 2>/dev/null; then exit 0; fi
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
retry() { "$@" || { echo "retrying: $*" >&2; sleep 5; "$@"; }; }
retry $SUDO apt-get update
retry $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y liblua5.4-dev libyaml-dev pkg-config
