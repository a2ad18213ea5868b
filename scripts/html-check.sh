#!/usr/bin/env bash
# The HTML report of every example, opened in headless Chromium: no console error, no network request, the ranking
# and the bars on screen (screenshot), the unit filter working, one A4 page per unit section; then the template
# override; and the CSV files read back cell by cell in LibreOffice.
# Screenshots go to ${OUT:-.build/html-check}/. Installs Debian's chromium and LibreOffice Calc when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-.build/html-check}
# Headless Chromium for the pages, LibreOffice Calc (no GUI) for the spreadsheets: installed when missing.
missing=""
command -v chromium >/dev/null || missing="chromium fonts-noto-core"
command -v soffice >/dev/null || missing="$missing libreoffice-calc-nogui"
if [ -n "$missing" ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  retry() { "$@" || { echo "retrying: $*" >&2; sleep 5; "$@"; }; }
  retry $SUDO apt-get update
  retry $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y $missing
fi
bash scripts/install-deps.sh
swift build --product parcheck
BIN=$(swift build --show-bin-path)/parcheck
mkdir -p "$OUT"
status=0
for dir in Examples/*/; do
  name=$(basename "$dir")
  [ -f "$dir/parcheck.yaml" ] || continue
  "$BIN" check --data "$dir" --format html --output-dir "$OUT/$name" --fail-on never --quiet
  python3 scripts/html_check.py "$OUT/$name/report.html" "$OUT/$name.png" || status=1
done
# A province's own template: rendered instead of the bundled one, without recompiling.
printf '<!DOCTYPE html><html lang="{{lang}}"><head><meta charset="utf-8"><title>{{title}}</title></head><body><h1>Mẫu riêng của tỉnh: {{planId}}</h1>{{#groups}}<h2>{{title}}</h2><ol>{{#units}}<li>{{name}} {{index}}</li>{{/units}}</ol>{{/groups}}</body></html>\n' > "$OUT/custom.mustache"
"$BIN" check --data Examples/lam-dong-2025 --format html --template "$OUT/custom.mustache" --output "$OUT/custom.html" --fail-on never --quiet
if grep -q "Mẫu riêng của tỉnh: lam-dong-2025" "$OUT/custom.html" && grep -q "<h2>Sở, ban, ngành</h2>" "$OUT/custom.html"; then
  echo "template override: ok"
else
  echo "template override: the custom template was not used" >&2; status=1
fi
# The spreadsheets opened in LibreOffice: every cell read back intact, Vietnamese text included.
"$BIN" check --data Examples/lam-dong-2025 --format csv --output-dir "$OUT/csv" --fail-on never --quiet
python3 scripts/csv_check.py "$OUT/csv/scoreboard.csv" "$OUT/csv/findings.csv" || status=1
[ "$status" -eq 0 ] && echo "html-check: all reports passed"
exit "$status"
