#!/usr/bin/env python3
"""polars peer: the contract's nine metrics and three violation lists with lazy expressions (see common.py).

    python polars_peer.py DATA_DIR OUT.json
"""
import os
import sys
import polars as pl
from common import START, END, AS_OF, METRICS, VIOLATIONS, TRUE_WORDS, answer, unit_ids, write

TIMED = r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})?$"
DAY_US = 86_400_000_000


def tr(name):
    """The trimmed value, null when empty (the contract trims spaces and tabs)."""
    v = pl.col(name).str.strip_chars(" \t")
    return pl.when(v == "").then(None).otherwise(v)


def flag(name):
    return tr(name).str.to_lowercase().is_in(TRUE_WORDS).fill_null(False)


def instant(s):
    """Microseconds since the epoch of a value with a time (offset, Z, or none = +07:00); null otherwise."""
    g = s.str.extract_groups(TIMED)
    days = g.struct.field("1").str.to_date("%Y-%m-%d").cast(pl.Int64)
    secs = (g.struct.field("2").cast(pl.Int64) * 3600 + g.struct.field("3").cast(pl.Int64) * 60
            + g.struct.field("4").cast(pl.Int64).fill_null(0))
    frac = g.struct.field("5").str.pad_end(6, "0").str.slice(0, 6).cast(pl.Int64).fill_null(0)
    off = g.struct.field("6")
    off_min = (pl.when(off.is_null()).then(420).when(off == "Z").then(0)
               .otherwise((off.str.slice(1, 2).cast(pl.Int64) * 60 + off.str.slice(4, 2).cast(pl.Int64))
                          * pl.when(off.str.starts_with("-")).then(-1).otherwise(1)))
    return (days * 86400 + secs) * 1_000_000 + frac - off_min * 60_000_000


def plain_day(s):
    return pl.coalesce(s.str.to_date("%Y-%m-%d", strict=False), s.str.to_date("%d/%m/%Y", strict=False)).cast(pl.Int64)


def after(a, b):
    """a later than b: as instants when both have a time, else by day in UTC+07:00."""
    return pl.when(pl.col(a + "_us").is_not_null() & pl.col(b + "_us").is_not_null()) \
        .then(pl.col(a + "_us") > pl.col(b + "_us")).otherwise(pl.col(a + "_day") > pl.col(b + "_day"))


def between(c):
    return pl.col(c + "_day").is_between(START, END).fill_null(False)


def main(data, out):
    lf = pl.scan_csv(os.path.join(data, "dossiers.csv"), infer_schema=False)
    dates = {"r": "received_at", "d": "due_at", "s": "resolved_at", "c": "closed_at"}
    lf = lf.select(
        tr("id").alias("id"), tr("unit_id").alias("unit"), (tr("channel").str.to_lowercase() == "online").fill_null(False).alias("online"),
        *[flag(c).alias(a) for c, a in (("fully_online", "fully"), ("digitized", "digit"), ("e_result", "eres"),
                                        ("data_reused", "reuse"), ("fee_required", "fee"), ("paid_online", "paid"),
                                        ("synced_to_portal", "synced"), ("apology_issued", "apology"))],
        tr("satisfaction").cast(pl.Int32).alias("sat"),
        *[tr(c).alias(k) for k, c in dates.items()])
    lf = lf.with_columns(*[instant(pl.col(k)).alias(k + "_us") for k in dates])
    lf = lf.with_columns(*[pl.when(pl.col(k + "_us").is_not_null()).then((pl.col(k + "_us") + 25_200_000_000) // DAY_US)
                           .otherwise(plain_day(pl.col(k))).alias(k + "_day") for k in dates])
    lf = lf.with_columns(recv_in=between("r"), res_in=between("s"), after_due=after("s", "d").fill_null(False))
    overdue = ((pl.col("r_day") <= AS_OF) & (pl.col("d_day") < AS_OF)).fill_null(False) \
        & (pl.col("s_day").is_null() | (pl.col("s_day") > AS_OF))
    lf = lf.with_columns(
        v_late=~pl.col("apology") & ((pl.col("res_in") & pl.col("after_due")) | overdue),
        v_closed=between("c") & (pl.col("s_day").is_null() | after("s", "c").fill_null(False)),
        v_sync=pl.col("res_in") & ~pl.col("synced"))
    recv, res = pl.col("recv_in"), pl.col("res_in")
    pairs = [(res & ~pl.col("after_due"), res), (recv & pl.col("online"), recv),
             (recv & pl.col("online") & pl.col("fully"), recv & pl.col("online")), (recv & pl.col("digit"), recv),
             (res & pl.col("eres"), res), (recv & pl.col("reuse"), recv), (recv & pl.col("fee") & pl.col("paid"), recv & pl.col("fee")),
             (recv & pl.col("synced"), recv), (recv & (pl.col("sat") >= 4).fill_null(False), recv & pl.col("sat").is_not_null())]
    aggs = [recv.sum().alias("received"), res.sum().alias("resolved")]
    for i, (n, d) in enumerate(pairs):
        aggs += [n.sum().alias(f"n{i}"), d.sum().alias(f"d{i}")]
    aggs += [pl.col("id").filter(pl.col("v_" + k)).alias(k) for k in ("late", "closed", "sync")]
    table = lf.group_by("unit").agg(aggs).collect()
    per_unit = {}
    total = {"received": 0, "resolved": 0, "counts": [[0, 0] for _ in METRICS], "violations": {k: [] for k in VIOLATIONS}}
    for row in table.iter_rows(named=True):
        b = {"received": row["received"], "resolved": row["resolved"],
             "counts": [[row[f"n{i}"], row[f"d{i}"]] for i in range(len(METRICS))],
             "violations": dict(zip(VIOLATIONS, (row["late"], row["closed"], row["sync"])))}
        per_unit[row["unit"]] = b
        total["received"] += b["received"]
        total["resolved"] += b["resolved"]
        for t, c in zip(total["counts"], b["counts"]):
            t[0] += c[0]
            t[1] += c[1]
        for k in VIOLATIONS:
            total["violations"][k] += b["violations"][k]
    write(answer(unit_ids(os.path.join(data, "units.yaml")), per_unit, total), out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
