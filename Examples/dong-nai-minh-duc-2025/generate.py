#!/usr/bin/env python3
"""Generates the example data set for Kế hoạch 09/KH-UBND (25/7/2025) of UBND xã Minh Đức, tỉnh Đồng Nai.

Deterministic (fixed seed, no clock). Writes units.yaml and dossiers.csv following shared/spec/data-contract.md.
Rerun with `python3 generate.py` to rebuild both files.

Units. The plan is a commune's plan for its own bodies, so the units are:
  * MINHDUC — UBND xã Minh Đức (kind `commune`): its one-stop shop receives and resolves the dossiers, and it
    reports the commune-wide figures (TTHC counts, QPPL, inspections, SIPAS, Chỉ số CCHC 2024/2025 …);
  * its divisions (kind `office`): Văn phòng HĐND và UBND, Phòng Kinh tế, Phòng Văn hóa - Xã hội — they report the
    products of the appendix tasks they lead (số, ngày of each document) and their own work-record figures;
  * its Trung tâm Phục vụ hành chính công (kind `public_service_unit`), which leads the one-stop-shop training task.
  The bodies leading appendix tasks hold the plan's roles (phong_vhxh, trung_tam_pvhcc). The Trung tâm Dịch vụ tổng
  hợp (also an ĐVSNCL) is left out: every task it leads is "Thường xuyên" (manual in coverage.yaml).
Comparison. A single commune cannot show a dossier target both passing and failing, so three neighbouring
communes of Đồng Nai (Tân Quan, Tân Hưng, Nha Bích: real names, invented figures) are loaded too, each with its
own dossiers and commune-wide figures. Dossiers are assigned to the communes, not to the divisions: the commune
is the body that receives them (the divisions only process them), which is how the provincial one-stop-shop
system exports them.
Profiles: Minh Đức (only 46 of 60 eligible procedures fully online) and Tân Hưng pass most targets; Tân Quan fails most; Nha Bích is mixed. Every kind of target
(metric threshold, ratio, comparison with 2024, baseline reduction, deadline with evidence) has a named unit that
passes and one that fails (see Tests/ParcheckKitTests/Plans/MinhDuc2025PlanTests.swift).
"""
import csv, datetime as dt, io, json, random

rng = random.Random(20250725)

# id, name, dossiers, profile: on-time, online, fully-online, digitised, e-result, reuse, pay-online, satisfied (4-5)
COMMUNES = [
    ("MINHDUC", "UBND xã Minh Đức", 460, (0.992, 0.66, 0.75, 0.88, 1.00, 0.58, 0.72, 0.975)),
    ("TANQUAN", "UBND xã Tân Quan", 380, (0.930, 0.42, 0.55, 0.68, 0.93, 0.36, 0.45, 0.860)),
    # Tân Hưng reuses data already held for every dossier: it meets II.2.1 "100% … không phải cung cấp lại".
    ("TANHUNG", "UBND xã Tân Hưng", 520, (0.995, 0.71, 0.80, 0.91, 1.00, 1.00, 0.78, 0.985)),
    ("NHABICH", "UBND xã Nha Bích", 300, (0.975, 0.63, 0.70, 0.76, 0.97, 0.52, 0.55, 0.940)),
]
FIELDS = ["ho_tich", "chung_thuc", "dat_dai", "xay_dung", "ho_kinh_doanh", "bao_tro_xa_hoi"]

# Commune-wide figures (II.1.1, II.2.1, II.3.1, II.5.1, II.6.1, II.7.1). Chosen so that Minh Đức and Tân Hưng pass,
# Tân Quan fails, Nha Bích is mixed (PAR Index unchanged: not "cải thiện"; declared fields cut by only 15%).
COMMUNE_FIGURES = {
    "MINHDUC": dict(qppl_issued=4, qppl_reviewed=4, tthc_total=112, tthc_published=112, tthc_simplification_proposed=12,
                    declared_fields_baseline=240, declared_fields=182, tthc_province_wide=112, tthc_with_fee=30,
                    tthc_with_fee_online_payment=26, tthc_business=9, tthc_business_online=9,
                    tthc_fully_online_eligible=60, tthc_fully_online_provided=46, internal_tthc_total=14,
                    internal_tthc_reviewed=14, decentralization_plans=3, decentralization_plans_done=3,
                    feedback_received=11, feedback_on_time=11, sipas_rate="96,2%", on_time_rate_reported="99%",
                    e_certification_deployed=True, dvsncl_2024=3, dvsncl_2025=2, staff_2024=58, staff_2025=52,
                    dvsncl_total=2, dvsncl_self_financed=1, dvsn_econ_eligible=1, dvsn_econ_converted=1,
                    databases_total=6, databases_connected=6, work_records_online_rate="93%",
                    signed_documents_rate="100%", units_total=6, units_inspected=4, inspection_issues=5,
                    inspection_issues_fixed=5, inspections_total=4, inspections_digital=2,
                    par_index_2024=81.35, par_index_2025=85.6),
    "TANQUAN": dict(qppl_issued=3, qppl_reviewed=2, tthc_total=108, tthc_published=101, tthc_simplification_proposed=6,
                    declared_fields_baseline=230, declared_fields=205, tthc_province_wide=96, tthc_with_fee=28,
                    tthc_with_fee_online_payment=19, tthc_business=8, tthc_business_online=6,
                    tthc_fully_online_eligible=58, tthc_fully_online_provided=40, internal_tthc_total=12,
                    internal_tthc_reviewed=9, decentralization_plans=3, decentralization_plans_done=2,
                    feedback_received=9, feedback_on_time=7, sipas_rate="91,5%", on_time_rate_reported="99%",
                    e_certification_deployed=False, dvsncl_2024=2, dvsncl_2025=2, staff_2024=50, staff_2025=50,
                    dvsncl_total=2, dvsncl_self_financed=0, dvsn_econ_eligible=1, dvsn_econ_converted=0,
                    databases_total=6, databases_connected=4, work_records_online_rate="84%",
                    signed_documents_rate="96,5%", units_total=6, units_inspected=2, inspection_issues=6,
                    inspection_issues_fixed=4, inspections_total=3, inspections_digital=0,
                    par_index_2024=80.2, par_index_2025=78.9),
    "TANHUNG": dict(qppl_issued=5, qppl_reviewed=5, tthc_total=115, tthc_published=115, tthc_simplification_proposed=13,
                    declared_fields_baseline=250, declared_fields=190, tthc_province_wide=115, tthc_with_fee=31,
                    tthc_with_fee_online_payment=28, tthc_business=10, tthc_business_online=10,
                    tthc_fully_online_eligible=61, tthc_fully_online_provided=52, internal_tthc_total=13,
                    internal_tthc_reviewed=13, decentralization_plans=3, decentralization_plans_done=3,
                    feedback_received=14, feedback_on_time=14, sipas_rate="97,4%", on_time_rate_reported="99,5%",
                    e_certification_deployed=True, dvsncl_2024=3, dvsncl_2025=2, staff_2024=61, staff_2025=55,
                    dvsncl_total=2, dvsncl_self_financed=1, dvsn_econ_eligible=0, dvsn_econ_converted=0,
                    databases_total=6, databases_connected=6, work_records_online_rate="95%",
                    signed_documents_rate="100%", units_total=7, units_inspected=5, inspection_issues=3,
                    inspection_issues_fixed=3, inspections_total=5, inspections_digital=3,
                    par_index_2024=83.0, par_index_2025=87.25),
    "NHABICH": dict(qppl_issued=2, qppl_reviewed=2, tthc_total=104, tthc_published=104, tthc_simplification_proposed=11,
                    declared_fields_baseline=220, declared_fields=187, tthc_province_wide=104, tthc_with_fee=27,
                    tthc_with_fee_online_payment=22, tthc_business=7, tthc_business_online=7,
                    tthc_fully_online_eligible=55, tthc_fully_online_provided=45, internal_tthc_total=12,
                    internal_tthc_reviewed=12, decentralization_plans=3, decentralization_plans_done=3,
                    feedback_received=0, feedback_on_time=0, sipas_rate="95%", on_time_rate_reported="98%",
                    e_certification_deployed=True, dvsncl_2024=2, dvsncl_2025=1, staff_2024=47, staff_2025=46,
                    dvsncl_total=1, dvsncl_self_financed=0, dvsn_econ_eligible=0, dvsn_econ_converted=0,
                    databases_total=6, databases_connected=6, work_records_online_rate="90%",
                    signed_documents_rate="100%", units_total=5, units_inspected=3, inspection_issues=0,
                    inspection_issues_fixed=0, inspections_total=3, inspections_digital=2,
                    par_index_2024=84.1, par_index_2025=84.1),
}

def ev(number, date):
    return {"value": date, "evidence": {"number": number, "date": date}}

# The commune's own bodies: (id, name, kind, roles, figures). Phòng VH-XH leads every datable appendix task; its
# Kế hoạch đo lường mức độ hài lòng came out on 15/10/2025, after the Quý III deadline, and it has not reported the
# Quý IV ranking report (đánh giá, xếp hạng): both fail.
BODIES = [
    ("MD-VP", "Văn phòng HĐND và UBND xã Minh Đức", "office", [],
     dict(qppl_assigned=3, qppl_on_schedule=3, work_records_online_rate="95%", signed_documents_rate="100%")),
    ("MD-PKT", "Phòng Kinh tế xã Minh Đức", "office", [],
     dict(qppl_assigned=2, qppl_on_schedule=1, work_records_online_rate="86%", signed_documents_rate="97,5%")),
    ("MD-PVHXH", "Phòng Văn hóa - Xã hội xã Minh Đức", "office", ["phong_vhxh"],
     dict(qppl_assigned=1, qppl_on_schedule=1, work_records_online_rate="92%", signed_documents_rate="100%",
          kh_cchc_date=ev("09/KH-UBND", "2025-07-25"),
          kh_kiem_tra_cchc_date=ev("15/KH-UBND", "2025-08-20"),
          kh_tuyen_truyen_cchc_date=ev("18/KH-UBND", "2025-09-05"),
          kh_do_luong_hai_long_date=ev("27/KH-UBND", "2025-10-15"),
          tap_huan_905_date=ev("112/TB-UBND", "2025-11-20"),
          doi_thoai_date=ev("96/TB-UBND", "2025-09-18"),
          quy_che_tuyen_dung_date=ev("31/QĐ-UBND", "2025-10-02"))),
    ("MD-TTPVHCC", "Trung tâm Phục vụ hành chính công xã Minh Đức", "public_service_unit", ["trung_tam_pvhcc"],
     dict(work_records_online_rate="98%", signed_documents_rate="100%",
          tap_huan_ttpvhcc_date=ev("05/KH-TTPVHCC", "2025-08-12"))),
]

def fmt_date(d, style):
    """Both contract date forms appear, as a real export mixes them."""
    return d.strftime("%Y-%m-%d") if style == 0 else f"{d.day}/{d.month}/{d.year}"

def dossier_rows(uid, n, p):
    on_time, online, fully, digit, eres, reuse, payon, satisfied = p
    rows = []
    for i in range(n):
        received = dt.date(2025, 1, 2) + dt.timedelta(days=rng.randrange(0, 352))
        due = received + dt.timedelta(days=rng.choice([1, 3, 5, 7, 10, 15]))
        late = rng.random() > on_time
        resolved = (due + dt.timedelta(days=rng.randint(1, 6)) if late
                    else received + dt.timedelta(days=rng.randint(0, (due - received).days)))
        unresolved = received > dt.date(2025, 12, 10) and rng.random() < 0.5
        chan = "online" if rng.random() < online else rng.choice(["direct", "direct", "direct", "postal"])
        field = FIELDS[i % len(FIELDS)]
        fee = field in ("chung_thuc", "dat_dai", "xay_dung", "ho_kinh_doanh") and rng.random() < 0.6
        rated = rng.random() < 0.55
        rec = {
            "id": f"DN-{uid}-{i + 1:05d}",
            "unit_id": uid,
            "procedure_id": f"{field.upper()}-{1 + (i // len(FIELDS)) % 5:02d}",
            "field": field,
            "received_at": received.strftime("%Y-%m-%d") + (
                f" {rng.randint(7, 16):02d}:{rng.randint(0, 59):02d}" if rng.random() < 0.25 else ""),
            "due_at": fmt_date(due, i % 2),
            "resolved_at": "" if unresolved else fmt_date(resolved, (i + 1) % 2),
            "channel": chan,
            "fully_online": "true" if chan == "online" and rng.random() < fully else "false",
            "digitized": "true" if rng.random() < digit else "false",
            "e_result": "" if unresolved else ("true" if rng.random() < eres else "false"),
            "data_reused": "có" if rng.random() < reuse else "không",
            "fee_required": "true" if fee else "false",
            "paid_online": "true" if fee and chan == "online" and rng.random() < payon / online else "false",
            "synced_to_portal": "true",
            "apology_issued": "true" if late else "false",
            "closed_at": "" if unresolved else fmt_date(resolved, 0),
            "satisfaction": "" if not rated else str(rng.choice([4, 5, 5]) if rng.random() < satisfied else rng.choice([1, 2, 3])),
        }
        rows.append(rec)
    return rows

def yaml_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    return str(v)

def write_unit(f, uid, name, kind, parent, figures, roles=()):
    f.write(f"  - id: {uid}\n    name: {name}\n    kind: {kind}\n")
    if parent:
        f.write(f"    parent: {parent}\n")
    if roles:
        f.write(f"    roles: [{', '.join(roles)}]\n")
    if figures:
        f.write("    indicators:\n")
        for k, v in figures.items():
            if isinstance(v, dict):
                e = v["evidence"]
                f.write(f"      {k}: {{value: {v['value']}, evidence: {{number: \"{e['number']}\", date: {e['date']}}}}}\n")
            else:
                f.write(f"      {k}: {yaml_value(v)}\n")

def main():
    rows = []
    with open("units.yaml", "w", encoding="utf-8") as f:
        f.write("# UBND xã Minh Đức (tỉnh Đồng Nai), its divisions and Trung tâm PVHCC, and three neighbouring communes\n")
        f.write("# for comparison, with the figures they reported for 2025. Generated by generate.py; invented figures.\n")
        f.write("# Kinds: commune = UBND xã (receives the dossiers); office = a division (phòng, văn phòng) of UBND xã;\n")
        f.write("# public_service_unit = Trung tâm Phục vụ hành chính công.\nunits:\n")
        write_unit(f, "DONGNAI", "UBND tỉnh Đồng Nai", "province", None, None)
        for uid, name, n, prof in COMMUNES:
            write_unit(f, uid, name, "commune", "DONGNAI", COMMUNE_FIGURES[uid])
            if uid == "MINHDUC":
                for bid, bname, kind, roles, figs in BODIES:
                    write_unit(f, bid, bname, kind, "MINHDUC", figs, roles)
            rows += dossier_rows(uid, n, prof)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0].keys()), lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    with open("dossiers.csv", "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    print(f"{len(COMMUNES) + len(BODIES) + 1} units, {len(rows)} dossiers")

main()
