#!/usr/bin/env python3
"""parcheck's benchmark suite (issue 4): times parcheck and its peers on the same generated files, diffs every
peer's figures against parcheck's, and writes the results table.

    python3 Benchmarks/run.py [--runs 5] [--dossiers 2000000] [--scaling] [--no-write]

Environment: BENCH_DATA (generated data, default Benchmarks/data), BENCH_VENV (Python peers' venv, default
Benchmarks/.venv), BENCH_SCRATCH (swift build scratch path, default .build-bench), BENCH_PACKAGE (the package
to build, default the repository), PARCHECK (a parcheck binary to use instead of building one).
Exit status: 0 when every peer agrees with parcheck, 1 on any disagreement or failed run.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import compare
import report
import setup_tools as st

HERE, REPO = st.HERE, st.REPO


def timed(argv, stdout_path):
    """One run: (wall s, peak RSS KiB, CPU s = user + system, exit status). Wall is measured here, the rest by
    GNU time (its last line: a command killed by a signal gets a line of its own before)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf, open(stdout_path, "wb") as out:
        start = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", tf.name] + argv, stdout=out,
                           stderr=subprocess.PIPE)
        wall = time.perf_counter() - start
        lines = [l for l in tf.read().splitlines() if l.strip()]
    try:
        rss, user, system = lines[-1].split()
        rss, cpu = int(rss), float(user) + float(system)
    except (IndexError, ValueError):
        rss, cpu = 0, 0.0
    if p.returncode not in (0, 1):
        sys.stderr.write(p.stderr.decode("utf-8", "replace")[-2000:])
    return wall, rss, cpu, p.returncode


def suite(parcheck, py, data, plans):
    """name → list of argv lists (run back to back, times added: validate runs once per plan)."""
    csv_dir = data
    lam_dong = os.path.join(REPO, "Rules", "lam-dong", "2025")
    peers = os.path.join(HERE, "peers")
    return {
        "parcheck metrics": [[parcheck, "metrics", "--data", csv_dir, "--period", "2025", "--format", "json"]],
        "parcheck check (Lâm Đồng 2025)": [[parcheck, "check", lam_dong, "--data", csv_dir, "--period", "2025",
                                            "--format", "json"]],
        "parcheck check (baseline plan)": [[parcheck, "check", os.path.join(HERE, "plans", "baseline"), "--data",
                                            csv_dir, "--format", "json"]],
        "parcheck check (+ per-dossier Lua)": [[parcheck, "check", os.path.join(HERE, "plans", "lua-per-dossier"),
                                                "--data", csv_dir, "--format", "json"]],
        "parcheck validate (all plans)": [[parcheck, "validate", p] for p in plans],
        "DuckDB": [[py, os.path.join(peers, "duckdb_peer.py"), csv_dir, "{out}"]],
        "polars": [[py, os.path.join(peers, "polars_peer.py"), csv_dir, "{out}"]],
        "pandas": [[py, os.path.join(peers, "pandas_peer.py"), csv_dir, "{out}"]],
        "Lua 5.4": [["lua5.4", os.path.join(peers, "metrics.lua"), csv_dir, "{out}"]],
        "LuaJIT": [["luajit", os.path.join(peers, "metrics.lua"), csv_dir, "{out}"]],
    }


PEERS = ("DuckDB", "polars", "pandas", "Lua 5.4", "LuaJIT")


def run_suite(benches, runs, work):
    """Round-robin over the benchmarks `runs` times (drift hits all alike); keeps every run's numbers."""
    res = {name: {"wall": [], "rss": [], "cpu": [], "rc": []} for name in benches}
    for r in range(runs):
        for name, argvs in benches.items():
            wall = rss = cpu = 0
            rcs = []
            for i, argv in enumerate(argvs):
                out = os.path.join(work, f"{slug(name)}.{min(r, 1)}.{i}.out")   # keep run 0, overwrite the rest
                argv = [a.replace("{out}", out + ".json") for a in argv]
                w, m, c, rc = timed(argv, out)
                wall, rss, cpu = wall + w, max(rss, m), cpu + c
                rcs.append(rc)
            for key, v in (("wall", wall), ("rss", rss), ("cpu", cpu), ("rc", max(rcs))):
                res[name][key].append(v)
            print(f"  run {r + 1}/{runs} {name}: {wall:.3f} s, CPU {cpu:.2f} s, {rss / 1024:.0f} MiB, exit {max(rcs)}",
                  flush=True)
    return res


def slug(name):
    return "".join(c if c.isascii() and c.isalnum() else "-" for c in name.lower())


def check_answers(res, work):
    """Diffs every peer's first answer against parcheck metrics' first output; returns the failures."""
    failures = []
    for name, r in res.items():
        allowed = (0, 1) if name.startswith("parcheck check") else (0,)
        if any(rc not in allowed for rc in r["rc"]):
            failures.append(f"{name}: exit status {r['rc']}")
    with open(os.path.join(work, f"{slug('parcheck metrics')}.0.0.out"), encoding="utf-8") as f:
        ref = json.load(f)
    d = ref["inputs"]["dossiers"]
    print(f"parcheck metrics: read {d['read']}, accepted {d['accepted']}, rejected {d['rejected']}")
    for peer in PEERS:
        if peer not in res:
            continue
        with open(os.path.join(work, f"{slug(peer)}.0.0.out.json"), encoding="utf-8") as f:
            diffs = compare.compare(ref, json.load(f))
        res[peer]["agrees"] = not diffs
        if diffs:
            failures.append(f"DISAGREEMENT: {peer} differs from parcheck in {len(diffs)} place(s):\n    "
                            + "\n    ".join(diffs[:40]))
        else:
            print(f"{peer}: agrees with parcheck on every unit and the total")
    return failures


def summarise(res):
    return {name: {"median": statistics.median(r["wall"]), "walls": r["wall"], "cpu": statistics.median(r["cpu"]),
                   "peak_rss_kib": max(r["rss"]), "agrees": r.get("agrees")} for name, r in res.items()}


def scaling(parcheck, py, root, sizes, runs, work):
    """parcheck metrics and check (Lâm Đồng 2025) at each size: median wall and peak RSS; DuckDB's answer is
    diffed against parcheck's at every size (returned as failures)."""
    rows, failures = [], []
    lam_dong = os.path.join(REPO, "Rules", "lam-dong", "2025")
    for n in sizes:
        d = st.ensure_data(root, n)
        st.warm(os.path.join(d, "dossiers.csv"))
        benches = {"metrics": [[parcheck, "metrics", "--data", d, "--period", "2025", "--format", "json"]],
                   "check": [[parcheck, "check", lam_dong, "--data", d, "--period", "2025", "--format", "json"]]}
        s = summarise(run_suite(benches, runs, work))
        rows.append({"dossiers": n, "csv_bytes": os.path.getsize(os.path.join(d, "dossiers.csv")), **s})
        answer = os.path.join(work, "duckdb-scaling.json")
        timed([py, os.path.join(HERE, "peers", "duckdb_peer.py"), d, answer], answer + ".log")
        with open(os.path.join(work, "metrics.0.0.out"), encoding="utf-8") as f, open(answer, encoding="utf-8") as g:
            diffs = compare.compare(json.load(f), json.load(g))
        print(f"DuckDB at {n:,} dossiers: " + ("agrees with parcheck" if not diffs else f"{len(diffs)} differences"))
        if diffs:
            failures.append(f"DISAGREEMENT at {n:,} dossiers: DuckDB differs from parcheck:\n    " + "\n    ".join(diffs[:40]))
    return rows, failures


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--dossiers", type=int, default=2_000_000)
    ap.add_argument("--scaling", action="store_true", help="also time parcheck at --scale-sizes dossiers")
    ap.add_argument("--scaling-only", action="store_true")
    ap.add_argument("--scale-sizes", default="100000,2000000,10000000")
    ap.add_argument("--scale-runs", type=int, default=3)
    ap.add_argument("--no-write", action="store_true", help="print the table, leave results.md and README alone")
    ap.add_argument("--from-json", metavar="RESULTS", help="only render a saved results.json into README.md")
    a = ap.parse_args()
    root = os.environ.get("BENCH_DATA", os.path.join(HERE, "data"))
    if a.from_json:
        with open(a.from_json, encoding="utf-8") as f:
            saved = json.load(f)
        sections = report.render(saved["info"], saved["suite"], saved["scaling"], saved["failures"])
        print("\n\n".join(sections.values()))
        if not a.no_write:
            report.write(sections)
        return 0
    st.ensure_apt()
    py = st.ensure_venv(os.environ.get("BENCH_VENV", os.path.join(HERE, ".venv")))
    parcheck = os.environ.get("PARCHECK") or st.build_parcheck(
        os.environ.get("BENCH_PACKAGE", REPO), os.environ.get("BENCH_SCRATCH", os.path.join(REPO, ".build-bench")))
    work = os.path.join(root, "out")                      # run 0's outputs and results.json, replaced each run
    os.makedirs(work, exist_ok=True)
    info = {"machine": st.machine(), "versions": st.versions(py, parcheck), "runs": a.runs,
            "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    failures, main_rows, scale_rows = [], None, None
    if not a.scaling_only:
        data = st.ensure_data(root, a.dossiers)
        csv = os.path.join(data, "dossiers.csv")
        st.warm(csv)
        info.update(dossiers=a.dossiers, csv_bytes=os.path.getsize(csv), wc_l=wc_l(csv))
        plans = st.plans_under(os.path.join(REPO, "Rules"))
        info["plans"] = [os.path.relpath(p, REPO) for p in plans]
        res = run_suite(suite(parcheck, py, data, plans), a.runs, work)
        failures = check_answers(res, work)
        main_rows = summarise(res)
    if a.scaling or a.scaling_only:
        sizes = [int(s) for s in a.scale_sizes.split(",")]
        scale_rows, scale_failures = scaling(parcheck, py, root, sizes, a.scale_runs, work)
        failures += scale_failures
    info["machine"]["load"] = max(info["machine"]["load"], os.getloadavg()[0])   # the busier of start and end
    sections = report.render(info, main_rows, scale_rows, failures)
    print("\n\n".join(sections.values()))
    if not a.no_write:
        report.write(sections)
    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump({"info": info, "suite": main_rows, "scaling": scale_rows, "failures": failures}, f, indent=1)
    print(f"raw outputs and results.json in {work}")
    for line in failures:
        print(line, file=sys.stderr)
    return 1 if failures else 0


def wc_l(path):
    start = time.perf_counter()
    subprocess.run(["wc", "-l", path], check=True, capture_output=True)
    return time.perf_counter() - start


if __name__ == "__main__":
    sys.exit(main())
