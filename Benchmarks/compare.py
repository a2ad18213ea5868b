#!/usr/bin/env python3
"""Diffs a peer's answer against parcheck's `metrics --format json` (parcheck.metrics/1), exactly.

    python3 compare.py PARCHECK.json PEER.json [--name duckdb]

Compared per unit and in total: received, resolved, every metric's numerator and denominator, every rate
(the same double, null when the denominator is 0) and the three violation id lists (same ids, same order).
Exit 0 when all agree; 1 with the first differences listed (unit, field, parcheck's value, the peer's value).
"""
import json
import sys

METRICS = ("on_time_rate", "online_rate", "fully_online_rate", "digitization_rate", "e_result_rate",
           "reuse_rate", "online_payment_rate", "portal_sync_rate", "satisfaction_rate")
VIOLATIONS = ("late_without_apology", "closed_before_result", "not_synced")


def from_parcheck(doc):
    """parcheck.metrics/1 → the peers' shape ({units: {id: block}, total: block})."""
    assert doc.get("schema") == "parcheck.metrics/1", f"not a parcheck.metrics/1 document: {doc.get('schema')}"
    def block(b):
        return {"received": b["received"], "resolved": b["resolved"],
                "counts": {m: [b["counts"][m]["numerator"], b["counts"][m]["denominator"]] for m in METRICS},
                "metrics": {m: b["metrics"][m] for m in METRICS},
                "violations": {k: b["violations"][k] for k in VIOLATIONS}}
    return {"units": {u["id"]: block(u) for u in doc["units"]}, "total": block(doc["total"])}


def diff_block(where, a, b, out):
    for key in ("received", "resolved"):
        if a[key] != b[key]:
            out.append(f"{where}: {key}: parcheck {a[key]}, peer {b[key]}")
    for m in METRICS:
        if a["counts"][m] != b["counts"][m]:
            out.append(f"{where}: {m} numerator/denominator: parcheck {a['counts'][m]}, peer {b['counts'][m]}")
        elif a["metrics"][m] != b["metrics"][m]:
            out.append(f"{where}: {m}: parcheck {a['metrics'][m]!r}, peer {b['metrics'][m]!r}")
    for k in VIOLATIONS:
        x, y = a["violations"][k], b["violations"][k]
        if x != y:
            only_p, only_q = sorted(set(x) - set(y)), sorted(set(y) - set(x))
            what = "order differs" if not only_p and not only_q else \
                f"only parcheck {only_p[:8]}{'…' if len(only_p) > 8 else ''} ({len(only_p)}), " \
                f"only peer {only_q[:8]}{'…' if len(only_q) > 8 else ''} ({len(only_q)})"
            out.append(f"{where}: {k}: parcheck {len(x)} ids, peer {len(y)} ids: {what}")


def compare(parcheck_doc, peer_doc):
    """The list of differences, empty when the two answers agree exactly."""
    p, q, out = from_parcheck(parcheck_doc), peer_doc, []
    if set(p["units"]) != set(q["units"]):
        out.append(f"unit sets differ: only parcheck {sorted(set(p['units']) - set(q['units']))}, "
                   f"only peer {sorted(set(q['units']) - set(p['units']))}")
    for u in sorted(set(p["units"]) & set(q["units"])):
        diff_block(f"unit {u}", p["units"][u], q["units"][u], out)
    diff_block("total", p["total"], q["total"], out)
    return out


def main(argv):
    name = argv[argv.index("--name") + 1] if "--name" in argv else argv[2]
    with open(argv[1], encoding="utf-8") as f, open(argv[2], encoding="utf-8") as g:
        out = compare(json.load(f), json.load(g))
    if out:
        print(f"DISAGREEMENT: {name} differs from parcheck in {len(out)} place(s):", file=sys.stderr)
        for line in out[:40]:
            print("  " + line, file=sys.stderr)
        return 1
    print(f"{name}: agrees with parcheck")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
