#!/usr/bin/env python3
"""Generates the bundled Lâm Đồng 2025 example data set (deterministic: fixed seed, no clock).

Writes units.yaml, dossiers.csv and dossiers-q4.jsonl following shared/spec/data-contract.md.
Each unit has a profile (how often it resolves late, files online, …) so that some units pass
the plan's targets and some fail. Rerun with `python3 generate.py` to rebuild the files.
"""
import csv, datetime as dt, io, json, random

rng = random.Random(20250715)
# A second generator for the figures added with the full plan (sections I.1–I.7, the appendix): it leaves the
# dossier sequence of `rng`, and so dossiers.csv and dossiers-q4.jsonl, exactly as they were.
rng2 = random.Random(2025071502)

# id, name, kind, dossiers per year, profile (on-time, online, fully-online, digitised, e-result, reuse, pay-online, sync, apology)
UNITS = [
    ("SNV", "Sở Nội vụ", "department", 120, (0.995, 0.90, 0.85, 0.95, 1.00, 0.70, 0.90, 1.00, 1.0)),
    ("STP", "Sở Tư pháp", "department", 260, (0.990, 0.75, 0.80, 0.90, 0.99, 0.60, 0.80, 1.00, 1.0)),
    ("STC", "Sở Tài chính", "department", 180, (0.970, 0.65, 0.72, 0.85, 1.00, 0.55, 0.70, 0.99, 0.8)),
    ("SXD", "Sở Xây dựng", "department", 240, (0.930, 0.55, 0.60, 0.75, 0.95, 0.40, 0.50, 0.98, 0.5)),
    ("SNNMT", "Sở Nông nghiệp và Môi trường", "department", 420, (0.880, 0.45, 0.50, 0.70, 0.90, 0.35, 0.40, 0.97, 0.3)),
    ("SKHCN", "Sở Khoa học và Công nghệ", "department", 90, (1.000, 0.95, 0.90, 0.98, 1.00, 0.80, 0.95, 1.00, 1.0)),
    ("P-XUANHUONG", "Phường Xuân Hương - Đà Lạt", "ward", 380, (0.990, 0.72, 0.78, 0.88, 1.00, 0.62, 0.75, 1.00, 1.0)),
    ("P-LAMVIEN", "Phường Lâm Viên - Đà Lạt", "ward", 300, (0.985, 0.66, 0.74, 0.84, 1.00, 0.58, 0.66, 1.00, 0.9)),
    ("P-BAOLOC1", "Phường 1 Bảo Lộc", "ward", 260, (0.960, 0.58, 0.66, 0.80, 0.97, 0.50, 0.60, 0.99, 0.6)),
    ("P-PHANTHIET", "Phường Phan Thiết", "ward", 340, (0.975, 0.62, 0.70, 0.82, 0.98, 0.52, 0.64, 1.00, 0.7)),
    ("P-GIANGHIA", "Phường Bắc Gia Nghĩa", "ward", 200, (0.950, 0.50, 0.60, 0.78, 0.96, 0.45, 0.55, 0.98, 0.5)),
    ("X-HIEPTHANH", "Xã Hiệp Thạnh", "commune", 160, (0.992, 0.64, 0.72, 0.86, 1.00, 0.55, 0.65, 1.00, 1.0)),
    ("X-DINHVANLAMHA", "Xã Đinh Văn Lâm Hà", "commune", 150, (0.940, 0.40, 0.55, 0.70, 0.92, 0.30, 0.45, 0.97, 0.4)),
    ("X-TUYPHONG", "Xã Tuy Phong", "commune", 140, (0.980, 0.61, 0.71, 0.81, 1.00, 0.51, 0.61, 1.00, 1.0)),
    ("X-QUANGKHE", "Xã Quảng Khê", "commune", 0, (1, 1, 1, 1, 1, 1, 1, 1, 1)),
    ("DK-PHUQUY", "Đặc khu Phú Quý", "special_zone", 110, (0.970, 0.35, 0.50, 0.65, 0.90, 0.30, 0.40, 0.96, 0.5)),
]
# Roles (the plan's `roles`): the bodies the appendix names as chủ trì of a task. Sở Nội vụ issues its July plans on
# time except the inspection plan (late); Sở KH&CN and Sở Tài chính report their products on time.
ROLES = {"SNV": ["so_noi_vu"], "STC": ["so_tai_chinh"], "SKHCN": ["so_khcn"]}
FIELDS = {"department": ["dau_tu", "xay_dung", "dat_dai", "tu_phap", "noi_vu"],
          "ward": ["ho_tich", "chung_thuc", "dat_dai", "xay_dung"], "commune": ["ho_tich", "chung_thuc", "dat_dai"],
          "special_zone": ["ho_tich", "chung_thuc", "dat_dai"]}

def fmt_date(d, style):
    """Both contract date forms appear, as a real export mixes them."""
    return d.strftime("%Y-%m-%d") if style == 0 else f"{d.day}/{d.month}/{d.year}"

def dossier_rows(uid, kind, n, p):
    on_time, online, fully, digit, eres, reuse, payon, sync, apol = p
    rows = []
    for i in range(n):
        received = dt.date(2025, 1, 2) + dt.timedelta(days=rng.randrange(0, 352))
        due = received + dt.timedelta(days=rng.choice([3, 5, 7, 10, 15, 20]))
        late = rng.random() > on_time
        resolved = due + dt.timedelta(days=rng.randint(1, 9)) if late else received + dt.timedelta(days=rng.randint(0, (due - received).days))
        unresolved = received > dt.date(2025, 12, 1) and rng.random() < 0.5
        chan = "online" if rng.random() < online else rng.choice(["direct", "direct", "postal"])
        fee = rng.random() < 0.35
        closed = resolved if not unresolved else (received + dt.timedelta(days=2) if rng.random() < 0.08 else None)
        proc = f"{FIELDS[kind][i % len(FIELDS[kind])].upper()}-{1 + i % 4:02d}"
        time_part = rng.random() < 0.2
        rec = {
            "id": f"LD-{uid}-{i + 1:05d}",
            "unit_id": uid,
            "procedure_id": proc,
            "field": FIELDS[kind][i % len(FIELDS[kind])],
            "received_at": received.strftime("%Y-%m-%d") + (f"T{rng.randint(7, 16):02d}:{rng.randint(0, 59):02d}:00+07:00" if time_part else ""),
            "due_at": fmt_date(due, i % 2),
            "resolved_at": "" if unresolved else fmt_date(resolved, i % 2),
            "channel": chan,
            "fully_online": "true" if chan == "online" and rng.random() < fully else "false",
            "digitized": "1" if rng.random() < digit else "0",
            "e_result": "true" if rng.random() < eres else "false",
            "data_reused": "có" if rng.random() < reuse else "không",
            "fee_required": "true" if fee else "false",
            "paid_online": "true" if fee and chan == "online" and rng.random() < payon else "false",
            "synced_to_portal": "true" if rng.random() < sync else "false",
            "apology_issued": "true" if (late and rng.random() < apol) else "false",
            "closed_at": "" if closed is None else fmt_date(closed, 0),
            "satisfaction": "" if rng.random() < 0.4 else str(rng.choice([5, 5, 5, 4, 4, 3, 2])),
        }
        rows.append(rec)
    return rows

def indicators(uid, kind, idx):
    good = idx % 3 != 2
    plan_day = dt.date(2025, 7, 18) + dt.timedelta(days=(idx % 4) * 5)   # every fourth unit after the 30/7 deadline
    ind = {"cchc_plan_date": {"value": plan_day.isoformat(), "evidence": {"number": f"{40 + idx}/KH-{uid}", "date": plan_day.isoformat()}},
           "action_slogan_date": slogan(uid, idx),
           "feedback_received": 12 + idx, "feedback_handled": 12 + idx - (0 if good else 2),
           "work_records_online_rate": "100%" if good else "96,5%"}
    if kind == "department":
        ind.update({"tthc_in_draft_qppl": 4 + idx % 3, "tthc_in_draft_qppl_controlled": 4 + idx % 3,
                    "tthc_total": 80 + 10 * idx, "tthc_published": 80 + 10 * idx - (0 if good else 3),
                    "internal_tthc_total": 6, "internal_tthc_published": 6 if good else 5,
                    "tthc_fully_online_eligible": 30 + idx, "tthc_fully_online_provided": 30 + idx - (0 if idx % 2 else 1)})
    else:
        ind["e_certification_deployed"] = "true" if good else "false"
    ind.update(extra_indicators(uid, kind, idx))
    return {k: v for k, v in ind.items() if v is not None}

def slogan(uid, idx):
    """PL II.9: the document issuing the unit's khẩu hiệu hành động (số, ngày), dated 11–24/7/2025, before the
    30/7 deadline; every fifth unit reports none (the target fails). Draws nothing from the generators."""
    if idx % 5 == 0:
        return None
    day = dt.date(2025, 7, 10 + idx)
    return {"value": day.isoformat(), "evidence": {"number": f"{idx:02d}/TB-{uid}", "date": day.isoformat()}}

def ev(uid, kind_code, deadline, late=False):
    """An appendix product: its document number and date, on time or after `deadline`."""
    day = deadline + dt.timedelta(days=rng2.randint(1, 15)) if late else deadline - dt.timedelta(days=rng2.randint(0, 20))
    return {"value": day.isoformat(), "evidence": {"number": f"{rng2.randint(10, 250)}/{kind_code}-{uid}", "date": day.isoformat()}}

def extra_indicators(uid, kind, idx):
    """Figures for sections I.1, I.3, I.4, I.5, I.6 (LGSP, NDXP, reporting) and I.7, and the appendix products."""
    D = dt.date
    dept = kind == "department"
    has_psu = idx != 14                                   # Xã Quảng Khê manages no public service unit
    ind = {}
    # I.1 thể chế
    if dept or idx % 2 == 0:
        ind["qppl_planned"] = 2 + idx % 3
        ind["qppl_on_schedule"] = 2 + idx % 3 - (1 if idx % 4 == 3 else 0)
    if idx % 3 == 0:
        ind["qppl_to_handle"] = 2
        ind["qppl_handled"] = 1 if idx == 9 else 2
    ind["law_monitoring_planned"] = 3 + idx % 3
    ind["law_monitoring_done"] = 3 + idx % 3 - (1 if idx % 5 == 2 else 0)
    # I.2 một cửa
    if dept:
        ind["tthc_one_stop"] = 80 + 10 * idx - (2 if idx in (3, 4) else 0)
    # I.3 tổ chức bộ máy
    if has_psu:
        base = 10 + idx if dept else 4
        ind["psu_count_2021"] = base
        ind["psu_count"] = base if idx in (2, 4, 9) else (base - 2 if dept else base - 1)
    ind["functions_regulated"] = "false" if idx in (4, 12) else "true"
    if uid == "SNV":
        # I.3.a "bình quân cả tỉnh": the province's totals, compiled by Sở Nội vụ (1 046 → 915 ĐVSNCL, −12.5%).
        ind["psu_count_province_2021"] = 1046
        ind["psu_count_province"] = 915
        ind["psu_plan_2025_date"] = ev(uid, "KH-UBND", D(2025, 7, 31))
        ind["training_plan_date"] = ev(uid, "KH-UBND", D(2025, 7, 31))
        ind["inspection_plan_date"] = ev(uid, "KH-UBND", D(2025, 7, 31), late=True)
        ind["propaganda_plan_province_date"] = ev(uid, "KH-UBND", D(2025, 7, 31))
    if dept:
        ind["service_price_decision_date"] = ev(uid, "QĐ", D(2025, 9, 30), late=idx == 3)
    # I.4 công vụ
    total = 25 + 3 * idx if dept else 20 + idx
    ind["civil_servant_total"] = total
    ind["civil_servant_by_position"] = total - (1 if idx % 6 == 5 else 0)
    if has_psu:
        ind["public_employee_total"] = 100 + 10 * idx
        ind["public_employee_by_position"] = 100 + 10 * idx - (4 if idx == 3 else 0)
    if idx % 2 == 0:
        ind["leaders_appointed"] = 2 + idx % 3
        ind["leaders_appointed_compliant"] = 2 + idx % 3 - (1 if idx == 8 else 0)
    ind["training_assigned"] = 10 + idx
    ind["training_completed"] = 10 + idx - (3 if idx % 4 == 2 else 0)
    # I.5 tài chính công
    if has_psu:
        planned = 5000 + 1000 * idx + rng2.randint(0, 9) * 100
        ind["investment_planned"] = planned
        ind["investment_disbursed"] = planned if idx % 3 != 1 else round(planned * 0.85, 1)
        spent24 = 20000 + 500 * idx + rng2.randint(0, 50) * 10
        ind["psu_direct_spending_2024"] = spent24
        ind["psu_direct_spending"] = round(spent24 * (1.02 if idx in (4, 7) else 0.95), 1)
        sf24 = 1 + idx % 3
        ind["self_financed_psu_2024"] = sf24
        ind["self_financed_psu"] = sf24 if idx in (1, 8) else sf24 + 1
        ind["autonomy_adjustment_decision_date"] = ev(uid, "QĐ", D(2025, 12, 31), late=idx == 11)
        ind["autonomy_review_report_date"] = ev(uid, "BC", D(2025, 12, 31), late=idx == 0)
    ind["public_assets_compliant"] = "false" if idx in (3, 10) else "true"
    if idx % 3 == 0:
        ind["land_sites_approved"] = 5
        ind["land_sites_rearranged"] = 3 if idx == 9 else 4
    ind["budget_use_compliant"] = "false" if idx == 15 else "true"
    if idx % 2 == 1:
        ind["audit_recs_total"] = 3
        ind["audit_recs_done"] = 2 if idx == 13 else 3
    ind["public_assets_report_date"] = ev(uid, "BC", D(2026, 2, 28), late=idx == 4)
    if idx != 12:                                          # Xã Đinh Văn Lâm Hà sent no report: the product is missing
        ind["budget_use_report_date"] = ev(uid, "BC", D(2025, 12, 31))
    ind["audit_followup_report_date"] = ev(uid, "BC", D(2025, 12, 31), late=idx == 10)
    if not dept or idx in (2, 3, 4):
        ind["revenue_report_date"] = ev(uid, "BC", D(2025, 12, 31), late=idx == 9)
    if (not dept and has_psu) or uid == "STC":
        ind["budget_allocation_decision_date"] = ev(uid, "QĐ", D(2025, 12, 31), late=idx == 6)
    # I.6 chính quyền số
    if dept:
        ind["report_regimes_total"] = 8
        ind["report_regimes_connected"] = 6 if idx == 4 else 8
        ind["shared_data_apps"] = 3 + idx % 2
        ind["shared_data_apps_lgsp"] = 3 + idx % 2 - (1 if idx == 3 else 0)
        if idx in (0, 1, 5):
            ind["ndxp_services_available"] = 2
            ind["ndxp_services_used"] = 1 if idx == 1 else 2
    if uid == "SKHCN":
        ind["data_warehouse_date"] = ev(uid, "QĐ", D(2025, 12, 31))
    # I.7 and PL VII chỉ đạo, điều hành
    ind["par_initiatives"] = 0 if idx in (10, 14) else 1 + idx % 2
    ind["initiative_report_date"] = ev(uid, "BC", D(2025, 10, 31), late=idx == 15)
    ind["self_inspection_plan_date"] = ev(uid, "KH", D(2025, 8, 15), late=idx % 5 == 3)
    ind["self_inspection_done_date"] = ev(uid, "BC", D(2025, 10, 31), late=idx == 4)
    ind["inspection_remediation_report_date"] = ev(uid, "BC", D(2025, 11, 30), late=idx == 12)
    ind["propaganda_plan_date"] = ev(uid, "KH", D(2025, 8, 15), late=idx % 6 == 1)
    return ind

def main():
    all_rows = []
    with open("units.yaml", "w", encoding="utf-8") as f:
        f.write("# Units of tỉnh Lâm Đồng (2-level structure after 1/7/2025) and the figures they reported for 2025.\n")
        f.write("# Generated by generate.py; realistic names, invented figures.\nunits:\n")
        f.write("  - id: LAMDONG\n    name: UBND tỉnh Lâm Đồng\n    kind: province\n")
        for idx, (uid, name, kind, n, prof) in enumerate(UNITS):
            f.write(f"  - id: {uid}\n    name: {name}\n    kind: {kind}\n    parent: LAMDONG\n")
            if uid in ROLES:
                f.write(f"    roles: [{', '.join(ROLES[uid])}]\n")
            f.write("    indicators:\n")
            for k, v in indicators(uid, kind, idx).items():
                if isinstance(v, dict):
                    e = v["evidence"]
                    f.write(f"      {k}: {{value: {v['value']}, evidence: {{number: \"{e['number']}\", date: {e['date']}}}}}\n")
                else:
                    f.write(f"      {k}: {json.dumps(v, ensure_ascii=False) if isinstance(v, str) else v}\n")
            all_rows += dossier_rows(uid, kind, n, prof)
    cols = list(all_rows[0].keys())
    q4 = [r for r in all_rows if r["received_at"][:7] >= "2025-12"]
    main_rows = [r for r in all_rows if r["received_at"][:7] < "2025-12"]
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\r\n")
    w.writeheader()
    w.writerows(main_rows)
    # Two records a real export would carry and the contract rejects: a day that does not exist, an unknown unit.
    bad = dict(main_rows[5]); bad["id"] = "LD-BAD-00001"; bad["resolved_at"] = "31/02/2025"
    bad2 = dict(main_rows[6]); bad2["id"] = "LD-BAD-00002"; bad2["unit_id"] = "SO-KHONG-TON-TAI"
    w.writerow(bad); w.writerow(bad2)
    with open("dossiers.csv", "w", encoding="utf-8-sig", newline="") as f:
        f.write(buf.getvalue())
    with open("dossiers-q4.jsonl", "w", encoding="utf-8") as f:
        for r in q4:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(UNITS)} units, {len(all_rows) + 2} dossiers")

main()
