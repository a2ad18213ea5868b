#!/usr/bin/env python3
"""Generates the Lâm Đồng 2022 example data set for Rules/lam-dong/2022 (QĐ 3090/QĐ-UBND, 30/12/2021).

Deterministic (fixed seed, no clock). Writes units.yaml and dossiers.csv following shared/spec/data-contract.md.
Three levels as in 2022: sở, ban, ngành (department), huyện/thành phố (district), xã/phường (commune/ward).
Each unit has a profile (good or weak) plus explicit overrides so that, for every kind of target, some units
pass and some fail. Rerun with `python3 generate.py`.
"""
import csv, datetime as dt, io, random

rng = random.Random(20211230)

# id, name, kind, parent, dossiers in 2022, good?
UNITS = [
    ("VPUBND", "Văn phòng UBND tỉnh", "department", "LAMDONG", 60, True),
    ("SNV", "Sở Nội vụ", "department", "LAMDONG", 110, True),
    ("SKHDT", "Sở Kế hoạch và Đầu tư", "department", "LAMDONG", 420, True),
    ("STTTT", "Sở Thông tin và Truyền thông", "department", "LAMDONG", 90, False),
    ("STC", "Sở Tài chính", "department", "LAMDONG", 150, False),
    ("STP", "Sở Tư pháp", "department", "LAMDONG", 240, True),
    ("DALAT", "UBND thành phố Đà Lạt", "district", "LAMDONG", 520, True),
    ("BAOLOC", "UBND thành phố Bảo Lộc", "district", "LAMDONG", 430, True),
    ("DUCTRONG", "UBND huyện Đức Trọng", "district", "LAMDONG", 380, False),
    ("LAMHA", "UBND huyện Lâm Hà", "district", "LAMDONG", 300, False),
    ("P1-DALAT", "UBND Phường 1, thành phố Đà Lạt", "ward", "DALAT", 260, True),
    ("X-TANUNG", "UBND xã Tà Nung, thành phố Đà Lạt", "commune", "DALAT", 120, False),
    ("P-LOCPHAT", "UBND phường Lộc Phát, thành phố Bảo Lộc", "ward", "BAOLOC", 220, False),
    ("X-HIEPTHANH", "UBND xã Hiệp Thạnh, huyện Đức Trọng", "commune", "DUCTRONG", 180, True),
    ("X-MELINH", "UBND xã Mê Linh, huyện Lâm Hà", "commune", "LAMHA", 140, False),
]
FIELDS = {"department": ["dau_tu", "xay_dung", "tu_phap", "noi_vu", "tai_chinh"],
          "district": ["dat_dai", "xay_dung", "ho_tich", "kinh_doanh"],
          "ward": ["ho_tich", "chung_thuc", "dat_dai"], "commune": ["ho_tich", "chung_thuc", "dat_dai"]}
# on-time, online, fully-online, digitised, e-result, reuse, pay-online, sync, apology, satisfied
GOOD = (0.98, 0.45, 0.60, 0.70, 0.90, 0.40, 0.45, 1.00, 1.00, 0.93)
WEAK = (0.90, 0.18, 0.40, 0.50, 0.80, 0.20, 0.15, 0.97, 0.40, 0.70)

def fmt_date(d, style):
    return d.strftime("%Y-%m-%d") if style == 0 else f"{d.day}/{d.month}/{d.year}"

def dossier_rows(uid, kind, n, p):
    on_time, online, fully, digit, eres, reuse, payon, sync, apol, sat = p
    rows = []
    for i in range(n):
        received = dt.date(2022, 1, 4) + dt.timedelta(days=rng.randrange(0, 350))
        due = received + dt.timedelta(days=rng.choice([3, 5, 7, 10, 15, 20]))
        late = rng.random() > on_time
        resolved = due + dt.timedelta(days=rng.randint(1, 9)) if late else received + dt.timedelta(days=rng.randint(0, (due - received).days))
        unresolved = received > dt.date(2022, 12, 5) and due > dt.date(2022, 12, 31) and rng.random() < 0.5   # still open, not yet due
        chan = "online" if rng.random() < online else rng.choice(["direct", "direct", "postal"])
        fee = rng.random() < 0.35
        field = FIELDS[kind][i % len(FIELDS[kind])]
        rated = rng.random() < 0.6
        rows.append({
            "id": f"LD22-{uid}-{i + 1:05d}",
            "unit_id": uid,
            "procedure_id": f"{field.upper()}-{1 + i % 4:02d}",
            "field": field,
            "received_at": received.strftime("%Y-%m-%d") + (f"T{rng.randint(7, 16):02d}:{rng.randint(0, 59):02d}:00+07:00" if rng.random() < 0.2 else ""),
            "due_at": fmt_date(due, i % 2),
            "resolved_at": "" if unresolved else fmt_date(resolved, i % 2),
            "channel": chan,
            "fully_online": "true" if chan == "online" and rng.random() < fully else "false",
            "digitized": "true" if rng.random() < digit else "false",
            "e_result": "true" if rng.random() < eres else "false",
            "data_reused": "true" if rng.random() < reuse else "false",
            "fee_required": "true" if fee else "false",
            "paid_online": "true" if fee and rng.random() < payon else "false",
            "synced_to_portal": "true" if rng.random() < sync else "false",
            "apology_issued": "true" if (late and rng.random() < apol) else "false",
            "closed_at": "" if unresolved else fmt_date(resolved, 0),
            "satisfaction": "" if not rated else str(rng.choice([5, 4]) if rng.random() < sat else rng.choice([3, 2])),
        })
    return rows

LEVEL = {"department": (0.97, 0.93, 0.65, 0.55), "district": (0.88, 0.82, 0.45, 0.35),
         "commune": (0.80, 0.70, 0.32, 0.25), "ward": (0.80, 0.70, 0.32, 0.25)}
ALL_TASKS = ["3_23", "3_24", "3_27", "3_34", "3_36"]           # sở, ngành và địa phương
DD_TASKS = ["3_42", "3_44", "3_45"]                            # sở, ngành và UBND huyện, thành phố
# Products of the tasks a body owns. Sở Tài chính owns PL 3.51 but reports no product for it (fails).
OWNED = {"VPUBND": ["3_25", "3_35", "3_37"], "SNV": ["3_40", "3_41", "3_43"], "STC": [],
         "STTTT": ["3_56", "3_57", "3_58", "3_61"]}
# Roles (the plan's `roles`) of the bodies that own tasks, and of Sở KH&ĐT, which reports business registrations.
ROLES = {"VPUBND": ["vp_ubnd"], "SNV": ["so_noi_vu"], "SKHDT": ["so_khdt"], "STTTT": ["so_tttt"], "STC": ["so_tai_chinh"]}
DOC = {"department": "KH", "district": "KH", "commune": "KH", "ward": "KH"}

# Mixed records: strong units miss a target or two, weak units meet some.
OVERRIDES = {
    "STP": {"integrated_management_platform": False},
    "SKHDT": {"e_records_rate": "98%"},
    "DALAT": {"staff_data_skills": 72},                       # 72 of 166 = 43% < 50%
    "X-HIEPTHANH": {"training_done": 9},                      # 9 of 11 planned
    "DUCTRONG": {"feedback_handled": 7},                      # all 7 handled
    "P-LOCPHAT": {"tthc_published": 151},                     # all published
    "X-TANUNG": {"staff_digital_basic": 33},                  # all trained
    "STTTT": {"e_records_rate": "100%", "open_data_provided": True},
}

def evidence(uid, idx, task, good):
    if task == "3_41":                                         # "Quý IV năm 2021"
        d = dt.date(2021, 12, 20)
    else:
        d = dt.date(2022, 3 + (idx + int(task[2:])) % 9, 10 + idx)
        if not good and task in ("3_24", "3_42", "3_58"):
            d = dt.date(2023, 1, 16)                           # late: after 31/12/2022
    kind = "QĐ" if task in ("3_41", "3_44", "3_45") else ("BC" if task in ("3_36", "3_40", "3_42", "3_51") else "CV" if task in ("3_24", "3_25", "3_27", "3_34") else "KH")
    return {"value": d.isoformat(), "evidence": {"number": f"{30 + idx * 7 + int(task[2:])}/{kind}-{uid}", "date": d.isoformat()}}

def indicators(uid, kind, idx, good):
    hi_w, lo_w, hi_d, lo_d = LEVEL[kind]
    tthc = {"department": 120, "district": 260, "commune": 110, "ward": 115}[kind] + 3 * idx
    staff = {"department": 70, "district": 160, "commune": 22, "ward": 24}[kind] + idx
    base = 400 + 50 * idx
    ind = {
        "qppl_issued": 4 + idx % 3 if kind != "commune" else 1,
        "qppl_issued_correct": (4 + idx % 3 if kind != "commune" else 1) - (0 if good else 1),
        "tthc_total": tthc, "tthc_published": tthc if good else tthc - 4, "tthc_one_stop": tthc,
        "digitized_results_2021": base, "digitized_results_2022": int(base * (1.42 if good else 1.18)),
        "tthc_online_eligible": tthc - 20, "tthc_online_l34": int((tthc - 20) * (0.86 if good else 0.72)),
        "tthc_fee_total": 30 + idx, "tthc_fee_online_payment": (30 + idx) * (6 if good else 4) // 10,
        "feedback_received": 5 + idx % 6, "feedback_handled": 5 + idx % 6 - (0 if good else 1),
        "training_planned": 10 + idx % 4, "training_done": 10 + idx % 4 - (0 if good else 2),
        "reporting_system_connected": True, "e_document_exchange": True,
        "integrated_management_platform": good,
        "work_records_online_rate": f"{round((hi_w if good else lo_w) * 100)}%",
        "valid_results_digitized_rate": f"{round((hi_d if good else lo_d) * 100)}%",
        "e_records_rate": "100%" if good else "96,5%",
        "staff_total": staff, "staff_digital_basic": staff if good else staff - 3,
        "staff_data_skills": staff * (55 if good else 40) // 100,
        "iso_9001_maintained": True if good or kind != "commune" else False,
    }
    ind["tthc_on_national_portal"] = ind["tthc_online_l34"] * (9 if good else 7) // 10
    ind["tthc_l34_with_dossiers"] = ind["tthc_online_l34"] * (6 if good else 4) // 10
    if kind in ("department", "district"):
        ind["org_structure_issued"] = True
        ind["autonomy_applied"] = good or kind == "department"
    if kind == "department":
        ind["open_data_provided"] = good
    if kind == "district":
        ind["meetings_with_province"] = 24
        ind["meetings_with_province_online"] = 22 if good else 18
    if uid == "BAOLOC":
        ind["work_records_online_rate"] = "86,5%"          # passes the 85% of cấp huyện, would fail 95% of cấp tỉnh
    if uid == "SKHDT":
        ind["business_reg_total"], ind["business_reg_online"] = 2400, 912     # 38%
    if uid == "SNV":
        ind["agencies_total"], ind["agencies_inspected"] = 130, 44          # 33.8%
    ind.update(OVERRIDES.get(uid, {}))
    for t in ALL_TASKS + (DD_TASKS if kind in ("department", "district") else []) + OWNED.get(uid, []):
        if not good and t == "3_36":
            continue                                         # product not reported: fails
        ind[f"pl_{t}_date"] = evidence(uid, idx, t, good)
    return ind

def yaml_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, dict):
        e = v["evidence"]
        return f"{{value: {v['value']}, evidence: {{number: \"{e['number']}\", date: {e['date']}}}}}"
    if isinstance(v, str):
        return f"\"{v}\""
    return str(v)

def main():
    rows = []
    with open("units.yaml", "w", encoding="utf-8") as f:
        f.write("# Units of tỉnh Lâm Đồng in 2022 (three levels: tỉnh, huyện, xã) and the figures they reported for 2022.\n")
        f.write("# Generated by generate.py; real names, invented figures.\nunits:\n")
        f.write("  - id: LAMDONG\n    name: UBND tỉnh Lâm Đồng\n    kind: province\n    indicators:\n")
        f.write("      par_index_2021: \"85,08%\"\n      par_index_2022: \"87,45%\"\n")
        for idx, (uid, name, kind, parent, n, good) in enumerate(UNITS):
            f.write(f"  - id: {uid}\n    name: {name}\n    kind: {kind}\n    parent: {parent}\n")
            if uid in ROLES:
                f.write(f"    roles: [{', '.join(ROLES[uid])}]\n")
            f.write("    indicators:\n")
            for k, v in indicators(uid, kind, idx, good).items():
                f.write(f"      {k}: {yaml_value(v)}\n")
            rows += dossier_rows(uid, kind, n, GOOD if good else WEAK)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0].keys()), lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    with open("dossiers.csv", "w", encoding="utf-8-sig", newline="") as f:
        f.write(buf.getvalue())
    print(f"{len(UNITS) + 1} units, {len(rows)} dossiers")

main()
