#!/usr/bin/env python3
"""pandas peer: the contract's nine metrics and three violation lists, vectorised (see common.py for the rules).

    python pandas_peer.py DATA_DIR OUT.json
"""
import os
import sys
import numpy as np
import pandas as pd
from common import START, END, AS_OF, METRICS, VIOLATIONS, TRUE_WORDS, answer, unit_ids, write

DAY_US = 86_400_000_000
OFFSET = r"(?:Z|[+-]\d\d:\d\d)$"
COLUMNS = ["id", "unit_id", "received_at", "due_at", "resolved_at", "channel", "fully_online", "digitized", "e_result",
           "data_reused", "fee_required", "paid_online", "synced_to_portal", "apology_issued", "closed_at", "satisfaction"]


def parse_dates(s):
    """(day, us): day in UTC+07:00 since 1970-01-01 (-1 = none) and instant in µs (-1 = date only)."""
    day = np.full(len(s), -1, dtype=np.int64)
    us = np.full(len(s), -1, dtype=np.int64)
    timed = ((s.str.len() > 10) & s.str[10:11].isin(["T", " "])).to_numpy()
    if timed.any():
        t = s[timed]
        t = t.where(t.str.contains(OFFSET), t + "+07:00")          # no offset: Vietnam local time
        v = pd.to_datetime(t, format="ISO8601", utc=True).dt.as_unit("us").astype("int64").to_numpy()
        us[timed] = v
        day[timed] = (v + 25_200_000_000) // DAY_US
    dmy = s.str.contains("/", regex=False).to_numpy() & ~timed
    iso = (s.str.len() == 10).to_numpy() & ~dmy & ~timed
    for mask, fmt in ((dmy, "%d/%m/%Y"), (iso, "%Y-%m-%d")):
        if mask.any():
            day[mask] = (pd.to_datetime(s[mask], format=fmt).to_numpy().astype("datetime64[D]").astype(np.int64))
    return day, us


def after(a, b):
    """a later than b: as instants when both have a time, else by day (both present)."""
    (ad, au), (bd, bu) = a, b
    both = (au >= 0) & (bu >= 0)
    return np.where(both, au > bu, (ad >= 0) & (bd >= 0) & (ad > bd))


def main(data, out):
    # pyarrow's reader (multi-threaded) is what pandas users reach for at this size; only the columns used
    df = pd.read_csv(os.path.join(data, "dossiers.csv"), dtype=str, keep_default_na=False, engine="pyarrow",
                     usecols=COLUMNS)
    df = df.apply(lambda c: c.str.strip(" \t"))
    flag = lambda c: df[c].str.lower().isin(TRUE_WORDS).to_numpy()
    r, d, s, c = (parse_dates(df[k]) for k in ("received_at", "due_at", "resolved_at", "closed_at"))
    online = (df["channel"].str.lower() == "online").to_numpy()
    sat = pd.to_numeric(df["satisfaction"].replace("", "0")).to_numpy()
    synced, fee = flag("synced_to_portal"), flag("fee_required")
    recv = (r[0] >= START) & (r[0] <= END)
    res = (s[0] >= START) & (s[0] <= END)
    late = res & after(s, d)
    overdue = (r[0] >= 0) & (r[0] <= AS_OF) & (d[0] >= 0) & (d[0] < AS_OF) & ((s[0] < 0) | (s[0] > AS_OF))
    cols = {"received": recv, "resolved": res}
    pairs = [(res & ~late, res), (recv & online, recv), (recv & online & flag("fully_online"), recv & online),
             (recv & flag("digitized"), recv), (res & flag("e_result"), res), (recv & flag("data_reused"), recv),
             (recv & fee & flag("paid_online"), recv & fee), (recv & synced, recv), (recv & (sat >= 4), recv & (sat > 0))]
    for i, (n, dd) in enumerate(pairs):
        cols[f"n{i}"], cols[f"d{i}"] = n, dd
    flags = pd.DataFrame(cols)
    flags["unit"] = df["unit_id"]
    sums = flags.groupby("unit").sum()
    viol = {"late_without_apology": ~flag("apology_issued") & (late | overdue),
            "closed_before_result": (c[0] >= START) & (c[0] <= END) & ((s[0] < 0) | after(s, c)),
            "not_synced": res & ~synced}
    per_unit = {}
    for unit, row in sums.iterrows():
        per_unit[unit] = {"received": row["received"], "resolved": row["resolved"],  # numpy ints: common casts
                          "counts": [[row[f"n{i}"], row[f"d{i}"]] for i in range(len(METRICS))],
                          "violations": {k: [] for k in VIOLATIONS}}
    for k, mask in viol.items():
        hits = df.loc[mask, ["unit_id", "id"]]
        for unit, did in zip(hits["unit_id"].tolist(), hits["id"].tolist()):
            per_unit[unit]["violations"][k].append(did)
    tot = sums.sum()
    total = {"received": tot["received"], "resolved": tot["resolved"],
             "counts": [[tot[f"n{i}"], tot[f"d{i}"]] for i in range(len(METRICS))],
             "violations": {k: df.loc[m, "id"].tolist() for k, m in viol.items()}}
    write(answer(unit_ids(os.path.join(data, "units.yaml")), per_unit, total), out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
