#!/usr/bin/env bash
# The CI gate of a data-submission repository, as a runnable example (see README.md beside this file).
#
#   bash Examples/ci-gate/gate.sh baseline   # on the main branch: store the accepted run's result.json
#   bash Examples/ci-gate/gate.sh check      # on a merge request: compare with it and gate on regressions
#
# Environment: PARCHECK (the binary; default: build it), DATA (default: Examples/lam-dong-2025),
# OUT (default: .build/ci-gate), TODAY (the day waivers are judged on; default: today in Vietnam).
# Exit codes are parcheck's: 0 passed, 1 the gate failed, 2 invalid plan, data, waivers or usage.
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE=Examples/ci-gate
DATA=${DATA:-Examples/lam-dong-2025}
OUT=${OUT:-.build/ci-gate}
if [ -z "${PARCHECK:-}" ]; then
  swift build --product parcheck >&2
  PARCHECK="$(swift build --show-bin-path)/parcheck"
fi
today=(); [ -z "${TODAY:-}" ] || today=(--today "$TODAY")

case "${1:-check}" in
  baseline)
    # Every run of main keeps its result; CI stores it as an artifact (or in a branch) for the next merge request.
    "$PARCHECK" check --data "$DATA" --format json --output-dir "$OUT/baseline" --fail-on never --quiet
    echo "baseline: $OUT/baseline/result.json"
    ;;
  check)
    [ -f "$OUT/baseline/result.json" ] || { echo "no baseline: run '$0 baseline' on main first" >&2; exit 2; }
    # Only regressions block the merge: new error findings, and findings whose waiver has expired. Everything
    # else is still reported — SARIF for code-scanning annotations, JUnit for the test dashboard, Markdown for
    # the merge-request comment, HTML and CSV for the inspectors.
    status=0
    "$PARCHECK" check --data "$DATA" --waivers "$HERE/waivers.yaml" "${today[@]}" \
      --previous "$OUT/baseline/result.json" --fail-on new \
      --format json,sarif,junit,markdown,html,csv --output-dir "$OUT/reports" || status=$?
    echo "reports: $OUT/reports (exit $status)"
    exit "$status"
    ;;
  *) echo "usage: $0 baseline|check" >&2; exit 2 ;;
esac
