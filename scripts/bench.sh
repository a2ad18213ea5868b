#!/usr/bin/env bash
# Runs the benchmark suite (Benchmarks/README.md); arguments go to Benchmarks/run.py, e.g. --runs 3 --scaling.
set -euo pipefail
exec bash "$(dirname "$0")/../Benchmarks/run.sh" "$@"
