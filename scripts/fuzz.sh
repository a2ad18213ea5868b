#!/usr/bin/env bash
# Fuzz one of parcheck's input paths with libFuzzer (AddressSanitizer on).
#
#   scripts/fuzz.sh TARGET SECONDS     fuzz TARGET for SECONDS (0: just replay the corpus once)
#   scripts/fuzz.sh all SECONDS        every target in turn, SECONDS each
#   scripts/fuzz.sh list               the targets
#
# Targets: csv jsonl json yaml (dossier files), units-yaml units-json units-csv (units files), plan (plan.yaml),
# lua (a check script in the sandbox), patterns (the shim's pattern matcher against stock Lua's).
# Exit 0 when every run finished clean; 1 with the crashing input under $WORK/artifacts/TARGET/ otherwise.
#
# The harnesses are the Fuzz/ package (Fuzz/Sources/ParcheckFuzz), built once into $PARCHECK_FUZZ_BUILD
# (default .build-fuzz, outside the main build). Seeds: Fuzz/seeds/TARGET plus slices of Examples/ and Rules/;
# the growing corpus and any crash live in $PARCHECK_FUZZ_WORK (default /tmp/parcheck-fuzz).
# Extra libFuzzer flags can be given in PARCHECK_FUZZ_FLAGS (e.g. "-jobs=2 -workers=2"); PARCHECK_FUZZ_NO_BUILD=1
# reuses the last build (long campaigns while the sources are being edited).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TARGETS="csv jsonl json yaml units-yaml units-json units-csv plan lua patterns"
BUILD=${PARCHECK_FUZZ_BUILD:-$ROOT/.build-fuzz}
WORK=${PARCHECK_FUZZ_WORK:-/tmp/parcheck-fuzz}

usage() { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 1 ] || usage
if [ "$1" = list ]; then echo "$TARGETS"; exit 0; fi
[ $# -eq 2 ] && [[ "$2" =~ ^[0-9]+$ ]] || usage

build() {
    BIN="$BUILD/release/ParcheckFuzz"
    if [ -n "${PARCHECK_FUZZ_NO_BUILD:-}" ] && [ -x "$BIN" ]; then return; fi
    # lld: gold crashes on the sanitizer objects. -g: symbolized stack traces in reports.
    swift build --package-path Fuzz --scratch-path "$BUILD" -c release --product ParcheckFuzz \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -g -Xswiftc -use-ld=lld \
        -Xcc -fsanitize=fuzzer-no-link,address >&2
}

# Seeds: small slices of the bundled examples, so mutations start from realistic files.
seed() {
    local target=$1 dir=$2 ex=Examples/lam-dong-2025
    mkdir -p "$dir"
    cp Fuzz/seeds/"$target"/* "$dir"/ 2>/dev/null || true
    case $target in
        csv) for f in Examples/*/dossiers*.csv; do head -n 25 "$f" > "$dir/$(basename "$(dirname "$f")").csv"; done ;;
        jsonl) head -n 25 $ex/dossiers-q4.jsonl > "$dir/example.jsonl" ;;
        json) { echo "["; head -n 10 $ex/dossiers-q4.jsonl | sed '$!s/$/,/'; echo "]"; } > "$dir/example.json" ;;
        yaml) { echo "dossiers:"; head -n 10 $ex/dossiers-q4.jsonl | sed 's/^/  - /'; } > "$dir/example.yaml" ;;
        units-yaml) for f in Examples/*/units.yaml; do cp "$f" "$dir/$(basename "$(dirname "$f")").yaml"; done ;;
        plan) for f in $(find Rules -name '*.yaml' ! -name coverage.yaml); do cp "$f" "$dir/$(echo "$f" | tr / _)"; done ;;
        lua) for f in $(find Rules -name '*.lua'); do cp "$f" "$dir/$(echo "$f" | tr / _)"; done ;;
    esac
}

# The units the dossier harnesses load for every input: every example's unit ids, one short line each (the
# examples' own units files carry indicators and would dominate the time of each run).
units() {
    mkdir -p "$WORK"
    { echo "units:"; grep -h '^  - id: ' Examples/*/units.yaml | sort -u |
        sed 's/^  - id: \(.*\)$/  - {id: \1, name: \1, kind: department}/'; } > "$WORK/units.yaml"
}

run() {
    local target=$1 seconds=$2 corpus="$WORK/corpus/$1" artifacts="$WORK/artifacts/$1/"
    seed "$target" "$corpus"
    mkdir -p "$artifacts"
    local flags=(-detect_leaks=0 -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1
                 -artifact_prefix="$artifacts")
    if [ "$seconds" -eq 0 ]; then flags+=(-runs=0); else flags+=(-max_total_time="$seconds"); fi
    echo "== fuzz $target for ${seconds}s (corpus $corpus)" >&2
    # SWIFT_BACKTRACE off: Swift's crash handler would race libFuzzer's and ASan's reports. No leak check: the
    # Swift runtime and Foundation keep caches alive to the end of the process.
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 PARCHECK_FUZZ_TARGET=$target PARCHECK_FUZZ_UNITS=$WORK/units.yaml \
        "$BIN" "${flags[@]}" ${PARCHECK_FUZZ_FLAGS:-} "$corpus"
}

build
units
if [ "$1" = all ]; then
    for t in $TARGETS; do run "$t" "$2"; done
else
    [[ " $TARGETS " == *" $1 "* ]] || { echo "unknown target '$1'; one of: $TARGETS" >&2; exit 2; }
    run "$1" "$2"
fi
