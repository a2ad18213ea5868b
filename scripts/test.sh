#!/usr/bin/env bash
# Runs the whole test suite (installing the system packages first if they are missing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build --build-tests
swift test --skip-build --disable-swift-testing
