#!/usr/bin/env bash
# Set-up and main job in one: install what is needed, build, and check the bundled example
# (Rules/lam-dong/2025 against Examples/lam-dong-2025). Extra arguments go to `parcheck check`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --product parcheck
status=0
.build/release/parcheck check "$@" || status=$?
# Exit 1 only means "the example has failing units", which is what it is built to show.
[ "$status" -le 1 ] || exit "$status"
