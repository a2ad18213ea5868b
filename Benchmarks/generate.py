#!/usr/bin/env python3
"""Province-scale benchmark data following shared/spec/data-contract.md (stdlib only, deterministic).

    python3 Benchmarks/generate.py --dossiers 2000000 --out DIR

writes DIR/units.yaml (150 units, units.py), DIR/dossiers.csv and DIR/parcheck.yaml (the Lâm Đồng 2025 plan,
period 2025). The same arguments give the same bytes on any machine: one seeded generator, no clock, no locale.

The export mixes what real one-stop-shop exports carry: date-only values in both contract forms (`2025-03-01`,
`1/3/2025`), instants with `+07:00`, with `Z` (so the UTC day can differ from the Vietnam day), local times without
offset and a few with fractional seconds; bools as true/false, 1/0, có/không, yes, in mixed case, empty flags;
channels in mixed case and padded; some RFC 4180 quoted fields; a UTF-8 BOM and CRLF. Dossiers received in late
2024 (resolved in 2025) and in 2026 sit around the period; some are still unresolved at 31/12/2025 (overdue) and
some close their electronic workflow before the result. Every record is valid: all are accepted.
"""
import argparse
import datetime as dt
import os
import random
from bisect import bisect
from units import build_units, units_yaml

SEED = 20250715
HEADER = ("id,unit_id,procedure_id,field,received_at,due_at,resolved_at,channel,fully_online,digitized,e_result,"
          "data_reused,fee_required,paid_online,synced_to_portal,apology_issued,closed_at,satisfaction")
FIELDS = {"department": ["dau_tu", "xay_dung", "dat_dai", "tu_phap", "noi_vu", "y_te", "giao_duc", "cong_thuong"],
          "public_service_unit": ["dat_dai", "dang_ky"],
          "ward": ["ho_tich", "chung_thuc", "dat_dai", "xay_dung", "kinh_doanh"],
          "commune": ["ho_tich", "chung_thuc", "dat_dai", "nong_nghiep"], "special_zone": ["ho_tich", "chung_thuc", "dat_dai"]}
VOLUME = {"province": 0, "department": 2.0, "public_service_unit": 6.0, "ward": 2.5, "commune": 0.9, "special_zone": 0.6}
# on-time, online, fully-online, digitised, e-result, reuse, pay-online, synced, apology, closed-before-result
PROFILES = {"good": ((0.985, 0.999), (0.62, 0.95), (0.72, 0.97), (0.82, 0.99), (0.97, 1.0), (0.5, 0.85), (0.6, 0.95),
                     (0.9995, 1.0), (0.95, 1.0), (0.0, 0.0)),
            "average": ((0.95, 0.985), (0.45, 0.70), (0.55, 0.80), (0.70, 0.90), (0.90, 0.99), (0.35, 0.60),
                        (0.40, 0.70), (0.995, 0.9995), (0.6, 0.95), (0.0, 0.0002)),
            "poor": ((0.85, 0.95), (0.25, 0.50), (0.40, 0.65), (0.55, 0.80), (0.80, 0.95), (0.20, 0.45), (0.20, 0.50),
                     (0.98, 0.995), (0.2, 0.6), (0.0005, 0.003))}
LIMITS = (1, 3, 5, 7, 7, 10, 10, 15, 20, 30)           # processing time limits, days
FIRST_DAY, LAST_DAY = dt.date(2024, 11, 1).toordinal(), dt.date(2026, 1, 20).toordinal()
PERIOD_END = dt.date(2025, 12, 31).toordinal()
ISO = {d: dt.date.fromordinal(d).isoformat() for d in range(FIRST_DAY - 5, LAST_DAY + 120)}
DMY = {d: f"{x.day}/{x.month}/{x.year}" for d in ISO for x in [dt.date.fromordinal(d)]}
FLAGS = {"true": ("true", "false"), "1": ("1", "0"), "co": ("có", "không")}
VARIANTS = {"true": (("TRUE", "yes", "True"), ("False", "no", "FALSE")), "1": (("1",), ("0",)), "co": (("Có", "yes"), ("không", "No"))}


def profile(rng, units):
    """Per unit: (id, kind, procedure codes, rates); rates drawn inside its tier's ranges, some exactly 100%."""
    out = []
    for uid, _, kind, _, tier in units:
        rates = [rng.uniform(lo, hi) for lo, hi in PROFILES[tier]]
        if tier == "good" and rng.random() < 0.4:
            rates[4] = rates[7] = 1.0                  # e-results and portal sync without a miss
        fields = FIELDS.get(kind, ["khac"])
        # national procedure codes (mã TTHC) look like 1.004227; the field prefix keeps them distinct per field
        procs = [(f"{1 + j % 3}.{(j * 37 + 3) % 100:02d}{k:04d}", fl) for j, fl in enumerate(fields)
                 for k in range(1, 1 + rng.randint(3, 25))]
        out.append((uid, kind, fields, procs, rates))
    weights = [VOLUME[u[2]] * rng.lognormvariate(0, 0.8) for u in units]
    weights[[u[0] for u in units].index(quiet_commune(units))] = 0   # one commune with no dossier at all
    cum, acc = [], 0.0
    for w in weights:
        acc += w
        cum.append(acc)
    return out, cum


def quiet_commune(units):
    return next(u[0] for u in units if u[2] == "commune")


def clock(rng, day, online):
    """(day, h, m, s) of a submission: office hours at the desk, any hour online."""
    h = rng.randint(0, 23) if online else rng.randint(7, 16)
    return day, h, rng.randint(0, 59), rng.randint(0, 59)


def instant(rng, t, style):
    """A time-carrying date: +07:00, Z (UTC, so the day may be the previous one), or local with a space."""
    day, h, m, s = t
    if style < 0.7:
        return f"{ISO[day]}T{h:02d}:{m:02d}:{s:02d}+07:00"
    if style < 0.85:
        secs = h * 3600 + m * 60 + s - 7 * 3600
        if secs < 0:
            day, secs = day - 1, secs + 86400
        return f"{ISO[day]}T{secs // 3600:02d}:{secs // 60 % 60:02d}:{secs % 60:02d}Z"
    if style < 0.95:
        return f"{ISO[day]} {h:02d}:{m:02d}"
    return f"{ISO[day]}T{h:02d}:{m:02d}:{s:02d}.{rng.randint(0, 999):03d}+07:00"


def date_only(rng, day):
    return ISO[day] if rng.random() < 0.62 else DMY[day]


def flag(rng, style, value):
    if rng.random() < 0.01:                               # another spelling or case the contract accepts
        return rng.choice(VARIANTS[style][0 if value else 1])
    return FLAGS[style][0 if value else 1]


def dossier(rng, n, unit):
    uid, kind, fields, procs, p = unit
    on_time, online_p, fully_p, digit_p, eres_p, reuse_p, pay_p, sync_p, apol_p, cbr_p = p
    r = rng.random
    x = r()
    received = (FIRST_DAY + int(r() * 61) if x < 0.03 else PERIOD_END + 1 + int(r() * 20) if x < 0.035
                else dt.date(2025, 1, 1).toordinal() + int(r() * 365))
    limit = LIMITS[int(r() * len(LIMITS))]
    due = received + limit
    chan = "online" if r() < online_p else ("direct" if r() < 0.8 else "postal")
    late = r() > on_time
    resolved = due + 1 + int(r() * 20) if late else received + int(r() * (limit + 1))
    if received > PERIOD_END - 30 and r() < 0.45 or r() < 0.002:
        resolved = None                                   # still in progress, or stuck (overdue)
    elif r() < 0.0001:
        resolved = received - 1                           # a typo in the export: a data-quality finding
    t_recv = clock(rng, received, chan == "online")
    recv_s = instant(rng, t_recv, r()) if r() < 0.18 else date_only(rng, received)
    due_timed = r() < 0.04
    due_s = f"{ISO[due]}T17:00:00+07:00" if due_timed else date_only(rng, due)
    res_s = closed_s = ""
    res_t = None
    if resolved is not None:
        if r() < 0.2:
            res_t = (resolved, 7 + int(r() * 12), int(r() * 60), int(r() * 60))
            res_s = instant(rng, res_t, r())
        else:
            res_s = date_only(rng, resolved)
    if r() < cbr_p:                                       # workflow closed before the result
        closed_s = ISO[received + 1]
    elif resolved is not None and r() < 0.97:
        if res_t and r() < 0.5:                           # closed minutes after the result, rarely an hour before
            day, h, m, s = res_t
            secs = h * 3600 + m * 60 + s + (60 * (1 + int(r() * 30)) if r() < 0.999 else -3600)
            closed_s = f"{ISO[day]}T{secs // 3600:02d}:{secs // 60 % 60:02d}:{secs % 60:02d}+07:00"
        else:
            closed_s = date_only(rng, resolved + (1 if r() < 0.1 else 0))
    is_online = chan == "online"
    fee = r() < 0.3
    proc, field = procs[int(r() * len(procs))]
    if r() < 0.02:
        proc = f'"{proc}"'
    if r() < 0.005:
        chan = chan.capitalize() if r() < 0.6 else f" {chan.upper()} "
    if " " in recv_s:
        recv_s = f'"{recv_s}"'
    sat = "" if r() < 0.45 else "5544332155"[int(r() * 10)] if r() < 0.15 else "5554"[int(r() * 4)]
    apology = (flag(rng, "true", r() < apol_p) if (late or resolved is None) else "")
    return ",".join((
        f"LD{n:08d}", uid, proc, field, recv_s, due_s, res_s, chan,
        flag(rng, "true", is_online and r() < fully_p), flag(rng, "1", r() < digit_p),
        flag(rng, "true", resolved is not None and r() < eres_p), flag(rng, "co", r() < reuse_p),
        flag(rng, "true", fee), flag(rng, "true", fee and is_online and r() < pay_p) if fee else "",
        flag(rng, "true", r() < sync_p), apology, closed_s, sat))


def write_dossiers(path, n, rng, units, cum):
    total = cum[-1]
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\ufeff" + HEADER + "\r\n")
        buf = []
        for i in range(n):
            buf.append(dossier(rng, i + 1, units[bisect(cum, rng.random() * total)]))
            if len(buf) == 50000:
                f.write("\r\n".join(buf) + "\r\n")
                buf = []
        if buf:
            f.write("\r\n".join(buf) + "\r\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dossiers", type=int, default=2_000_000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--plan", help="plan directory for parcheck.yaml (default: the repository's Rules/lam-dong/2025)")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(SEED)
    units = build_units(rng)
    yaml_text = units_yaml(units, random.Random(SEED + 1))
    prof, cum = profile(rng, units)
    plan = a.plan or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Rules", "lam-dong", "2025")
    with open(os.path.join(a.out, "units.yaml"), "w", encoding="utf-8") as f:
        f.write(yaml_text)
    with open(os.path.join(a.out, "parcheck.yaml"), "w", encoding="utf-8") as f:
        f.write(f"plan: {os.path.relpath(os.path.abspath(plan), os.path.abspath(a.out))}\nperiod: \"2025\"\n")
    tmp = os.path.join(a.out, "dossiers.csv.tmp")
    write_dossiers(tmp, a.dossiers, random.Random(SEED + 2), prof, cum)
    os.replace(tmp, os.path.join(a.out, "dossiers.csv"))   # a half-written file never looks complete
    print(f"{a.out}: 150 units, {a.dossiers} dossiers, {os.path.getsize(os.path.join(a.out, 'dossiers.csv'))} bytes")


if __name__ == "__main__":
    main()
