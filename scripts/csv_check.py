#!/usr/bin/env python3
"""Opens parcheck's CSV files in LibreOffice (headless, default import) and checks every cell came through intact.

LibreOffice reads each file as a UTF-8 spreadsheet and writes it back as UTF-8 CSV; every text cell must equal the original
(Vietnamese included: the byte-order mark is what tells LibreOffice and Excel the encoding) and every number must have
the same value. usage: csv_check.py FILE.csv...   exit 0 all intact, 1 a difference (printed).
"""
import csv
import io
import os
import subprocess
import sys
import tempfile


def cells(path, encoding):
    with open(path, encoding=encoding, newline="") as f:
        return list(csv.reader(f))


def same(a, b):
    """Equal text; or the same number to the 15 significant digits a spreadsheet keeps; or true/false read as
    the spreadsheet's TRUE/FALSE."""
    if a == b or (a.lower() in ("true", "false") and a.upper() == b):
        return True
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    return abs(x - y) <= 1e-14 * max(abs(x), abs(y), 1e-300)


def check(path):
    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as profile:
        # Import as UTF-8 (charset 76), as LibreOffice's text-import dialog offers for a file with a BOM; its
        # headless default (no filter options) reads Windows-1252 whatever the BOM says.
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--infilter=CSV:44,34,76,1", "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false", "--outdir", out, path],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
        back = cells(os.path.join(out, os.path.basename(path)), "utf-8-sig")
    original = cells(path, "utf-8-sig")
    problems = []
    if len(back) != len(original):
        problems.append(f"{len(original)} rows became {len(back)}")
    for r, (x, y) in enumerate(zip(original, back), 1):
        x = x + [""] * (len(y) - len(x))
        y = y + [""] * (len(x) - len(y))
        for c, (a, b) in enumerate(zip(x, y), 1):
            # A leading apostrophe is the formula guard: the spreadsheet shows the text without it.
            if not same(a, b) and not (a.startswith("'") and a[1:] == b):
                problems.append(f"row {r} column {c}: {a!r} became {b!r}")
    for p in problems[:20]:
        print(f"{path}: {p}", file=sys.stderr)
    print(f"{path}: {len(original)} rows, {'intact' if not problems else f'{len(problems)} differences'}")
    return not problems


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(0 if all([check(p) for p in sys.argv[1:]]) else 1)
