"""What the Python peers share: the period, the unit list, the answer's JSON shape (compared by compare.py).

Every peer computes, per unit of units.yaml and in total, for the period [START, END] with as_of = END:
the numerator and denominator of the nine metrics, `received` and `resolved` in the period, and the
sorted dossier ids of the three violations, exactly as shared/spec/data-contract.md defines them.
Dates become (day, us): `day` is the calendar day in UTC+07:00 (days since 1970-01-01), `us` the instant
in microseconds since the epoch, or None for a date-only value. Two values compare by `us` when both have
one, else by `day`; period bounds and as_of are date-only, so they always compare by `day`.
"""
import json
import re
import sys

START, END = 20089, 20453          # 2025-01-01 and 2025-12-31 as days since 1970-01-01
AS_OF = END
METRICS = ("on_time_rate", "online_rate", "fully_online_rate", "digitization_rate", "e_result_rate",
           "reuse_rate", "online_payment_rate", "portal_sync_rate", "satisfaction_rate")
VIOLATIONS = ("late_without_apology", "closed_before_result", "not_synced")
TRUE_WORDS = ("true", "1", "yes", "có")


def unit_ids(path):
    """Unit ids of a units.yaml written as the generator writes it (`  - id: X` at the start of each unit)."""
    with open(path, encoding="utf-8") as f:
        return re.findall(r"^  - id: (\S+)\s*$", f.read(), re.M)


def answer(units, per_unit, total):
    """The answer: per_unit/total map to {received, resolved, counts: {metric: [num, den]}, violations}."""
    def block(b):
        counts = {m: [int(n), int(d)] for m, (n, d) in zip(METRICS, b["counts"])}
        return {"received": int(b["received"]), "resolved": int(b["resolved"]), "counts": counts,
                "metrics": {m: (n / d if d else None) for m, (n, d) in counts.items()},
                "violations": {k: sorted(b["violations"][k], key=lambda s: s.encode()) for k in VIOLATIONS}}
    empty = {"received": 0, "resolved": 0, "counts": [(0, 0)] * 9, "violations": {k: [] for k in VIOLATIONS}}
    return {"units": {u: block(per_unit.get(u, empty)) for u in units}, "total": block(total)}


def write(obj, path):
    with (open(path, "w", encoding="utf-8") if path != "-" else sys.stdout) as f:
        json.dump(obj, f, ensure_ascii=False, separators=(",", ":"))
