#!/usr/bin/env bash
# One command for the benchmark suite: builds parcheck (release), installs the peers if missing, generates the
# data if missing, times everything, diffs every peer against parcheck and updates Benchmarks/README.md.
# Options are run.py's (--runs N, --scaling, --no-write, …).
set -euo pipefail
cd "$(dirname "$0")"
exec python3 run.py "$@"
