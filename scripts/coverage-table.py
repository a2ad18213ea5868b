#!/usr/bin/env python3
"""Renders Rules/coverage.yaml as the coverage table in Rules/README.md (between the coverage markers).

Run after editing coverage.yaml; Tests/ParcheckKitTests/CoverageTableTests.swift fails when the table is stale.
Row format (kept simple so the test can rebuild it): | document | section | kind | text | encoded by |
"""
import os, yaml

ROOT = os.path.join(os.path.dirname(__file__), "..")
START, END = "<!-- coverage:start -->", "<!-- coverage:end -->"

def cell(s):
    return " ".join(str(s).split()).replace("|", "\\|")

def rows():
    # BaseLoader keeps every scalar as written (a section "1.10" must not become 1.1).
    entries = yaml.load(open(os.path.join(ROOT, "Rules/coverage.yaml"), encoding="utf-8"), Loader=yaml.BaseLoader)
    out = ["| document | section | kind | text | encoded by |", "|---|---|---|---|---|"]
    for e in entries:
        enc = e["encoded_by"]
        by = ", ".join(f"`{i}`" for i in enc) if isinstance(enc, list) else "manual: " + cell(e.get("reason", ""))
        out.append(f"| {cell(e['document'])} | {cell(e['section'])} | {e['kind']} | {cell(e['text'])} | {by} |")
    return out

def main():
    path = os.path.join(ROOT, "Rules/README.md")
    text = open(path, encoding="utf-8").read()
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    table = "\n".join(rows())
    open(path, "w", encoding="utf-8").write(f"{head}{START}\n{table}\n{END}{tail}")

main()
