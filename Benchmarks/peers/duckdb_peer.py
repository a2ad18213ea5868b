#!/usr/bin/env python3
"""DuckDB peer: the contract's nine metrics and three violation lists in SQL (see common.py for the rules).

    python duckdb_peer.py DATA_DIR OUT.json
"""
import os
import sys
import duckdb
from common import START, END, AS_OF, METRICS, VIOLATIONS, answer, unit_ids, write

# The contract trims spaces and tabs; trim(s, chars) is slow in DuckDB, so only values that need it get it.
MACROS = """
CREATE MACRO tr(s) AS nullif(CASE WHEN s[1] IN (' ', '	') OR s[-1] IN (' ', '	') THEN trim(s, ' 	') ELSE s END, '');
CREATE MACRO flag(s) AS CASE WHEN s IN ('true', '1') THEN true WHEN s IS NULL OR s IN ('false', '0') THEN false
  ELSE coalesce(lower(tr(s)) IN ('true', '1', 'yes', 'có'), false) END;
CREATE MACRO timed(s) AS length(s) > 10 AND substr(s, 11, 1) IN ('T', ' ');
CREATE MACRO has_off(s) AS substr(s, length(s) - 5, 1) IN ('+', '-');
CREATE MACRO off_min(s) AS CASE WHEN right(s, 1) = 'Z' THEN 0
  WHEN has_off(s) THEN (CASE WHEN substr(s, length(s) - 5, 1) = '-' THEN -1 ELSE 1 END)
       * (CAST(substr(s, length(s) - 4, 2) AS INT) * 60 + CAST(right(s, 2) AS INT))
  ELSE 420 END;
CREATE MACRO local_part(s) AS CASE WHEN right(s, 1) = 'Z' THEN left(s, length(s) - 1)
  WHEN has_off(s) THEN left(s, length(s) - 6) ELSE s END;
CREATE MACRO inst(s) AS CASE WHEN timed(s) THEN epoch_us(CAST(local_part(s) AS TIMESTAMP)) - CAST(off_min(s) AS BIGINT) * 60000000 END;
CREATE MACRO plain_day(s) AS CASE WHEN contains(s, '/') THEN
    make_date(CAST(split_part(s, '/', 3) AS INT), CAST(split_part(s, '/', 2) AS INT), CAST(split_part(s, '/', 1) AS INT))
  ELSE CAST(s AS DATE) END - DATE '1970-01-01';
CREATE MACRO vn_day(s, u) AS CASE WHEN u IS NOT NULL THEN (u + 25200000000) // 86400000000 ELSE plain_day(s) END;
CREATE MACRO gt(a_us, a_day, b_us, b_day) AS
  CASE WHEN a_us IS NOT NULL AND b_us IS NOT NULL THEN a_us > b_us ELSE a_day > b_day END;
"""

ROWS = """
WITH raw AS (
  SELECT tr(id) AS id, tr(unit_id) AS unit, tr(received_at) AS rs, tr(due_at) AS ds, tr(resolved_at) AS ss,
         tr(closed_at) AS cs, lower(tr(channel)) = 'online' AS online, flag(fully_online) AS fully,
         flag(digitized) AS digit, flag(e_result) AS eres, flag(data_reused) AS reuse, flag(fee_required) AS fee,
         flag(paid_online) AS paid, flag(synced_to_portal) AS synced, flag(apology_issued) AS apology,
         CAST(tr(satisfaction) AS INT) AS sat
  FROM read_csv($path, all_varchar = true, header = true)),
timed AS (SELECT *, inst(rs) AS r_us, inst(ds) AS d_us, inst(ss) AS s_us, inst(cs) AS c_us FROM raw),
days AS (SELECT *, vn_day(rs, r_us) AS r_day, vn_day(ds, d_us) AS d_day, vn_day(ss, s_us) AS s_day, vn_day(cs, c_us) AS c_day
         FROM timed),
marks AS (
  SELECT *, coalesce(r_day BETWEEN {S} AND {E}, false) AS recv_in, coalesce(s_day BETWEEN {S} AND {E}, false) AS res_in,
         coalesce(gt(s_us, s_day, d_us, d_day), false) AS after_due
  FROM days)
SELECT id, unit, recv_in, res_in, online, fully, digit, eres, reuse, fee, paid, synced, sat,
       res_in AND after_due AS res_late,
       NOT apology AND ((res_in AND after_due)
         OR (coalesce(r_day <= {A} AND d_day < {A}, false) AND (s_day IS NULL OR s_day > {A}))) AS v_late,
       coalesce(c_day BETWEEN {S} AND {E}, false) AND (s_day IS NULL OR gt(s_us, s_day, c_us, c_day)) AS v_closed,
       res_in AND NOT synced AS v_sync
FROM marks
""".format(S=START, E=END, A=AS_OF)

COUNTS = """
SELECT unit, count_if(recv_in), count_if(res_in),
  count_if(res_in AND NOT res_late), count_if(res_in),
  count_if(recv_in AND online), count_if(recv_in),
  count_if(recv_in AND online AND fully), count_if(recv_in AND online),
  count_if(recv_in AND digit), count_if(recv_in),
  count_if(res_in AND eres), count_if(res_in),
  count_if(recv_in AND reuse), count_if(recv_in),
  count_if(recv_in AND fee AND paid), count_if(recv_in AND fee),
  count_if(recv_in AND synced), count_if(recv_in),
  count_if(recv_in AND sat >= 4), count_if(recv_in AND sat IS NOT NULL),
  list(id) FILTER (WHERE v_late), list(id) FILTER (WHERE v_closed), list(id) FILTER (WHERE v_sync)
FROM d GROUP BY unit
"""


def main(data, out):
    con = duckdb.connect()
    con.execute(f"SET threads = {os.cpu_count()}")
    con.execute(MACROS)
    per_unit = {}
    total = {"received": 0, "resolved": 0, "counts": [[0, 0] for _ in METRICS], "violations": {k: [] for k in VIOLATIONS}}
    query = "WITH d AS (" + ROWS + ")" + COUNTS           # one pass over the file
    for row in con.execute(query, {"path": os.path.join(data, "dossiers.csv")}).fetchall():
        counts = [[row[3 + 2 * i], row[4 + 2 * i]] for i in range(len(METRICS))]
        lists = [row[3 + 2 * len(METRICS) + k] or [] for k in range(len(VIOLATIONS))]
        per_unit[row[0]] = {"received": row[1], "resolved": row[2], "counts": counts,
                            "violations": dict(zip(VIOLATIONS, lists))}
        total["received"] += row[1]
        total["resolved"] += row[2]
        for t, c in zip(total["counts"], counts):
            t[0] += c[0]
            t[1] += c[1]
        for kind, ids in zip(VIOLATIONS, lists):
            total["violations"][kind] += ids
    write(answer(unit_ids(os.path.join(data, "units.yaml")), per_unit, total), out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
