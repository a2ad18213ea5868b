#!/usr/bin/env python3
"""Generates the example data set for the 2025 PAR plan of Văn phòng UBND tỉnh Sơn La
(Rules/son-la/van-phong-ubnd/2025; source shared/seeds/003_1804e7c71a558f13.txt).

Deterministic (fixed seed, no clock). Writes units.yaml and dossiers.csv following shared/spec/data-contract.md.
Rerun with `python3 generate.py` to rebuild both files. Real body names, invented figures and document numbers
(except the appendix's own "Đã ban hành …" documents, whose numbers and dates the plan gives).

Units (kinds of the data contract):
  * SL-VPUB — Văn phòng UBND tỉnh Sơn La (kind `department`: a cơ quan chuyên môn of UBND tỉnh, at the level of a
    sở). It reports the office-wide figures and resolves the dossiers of its own procedures (ngoại vụ, tiếp công
    dân), received at the one-stop shop of its centre;
  * its divisions (kind `office`): Phòng TCHCQT and Phòng KSTTHC (the chủ trì of the appendix tasks: they hold the
    plan's roles and report their products: số, ngày), Phòng Tổng hợp, Phòng Kinh tế, Phòng Nội chính, Phòng KGVX,
    Ban Tiếp công dân;
  * its centres (kind `public_service_unit`): Trung tâm Phục vụ hành chính công tỉnh (its dossiers are those received
    at the provincial one-stop shop) and Trung tâm Thông tin (chủ trì of PL II.2 and VII.1, with a role too).
  UBND tỉnh Sơn La is the parent of the Văn phòng and is not assessed.

Periods. Dossiers run from mid-November 2024 to the end of December 2025, so the data cut-off windows of the plan
(năm: 15/12/2024–09/12/2025, the manifest's period; q3: 14/6/2025–10/9/2025) leave some out. The centre's
satisfaction ratings are weak until May 2025 and good from June: it fails the 90% target for the year and passes it
for quý III.

Every kind of target (metric, per-kind threshold, deadline with evidence, comparison with 2024, reduction against
2021/2024, ratio of reported counts) has a named unit that passes and one that fails
(see Tests/ParcheckKitTests/Plans/SonLaVanPhong2025PlanTests.swift).
"""
import csv, datetime as dt, io, json, random

rng = random.Random(20250714)


def ev(number, date):
    return {"value": date, "evidence": {"number": number, "date": date}}


# The Văn phòng as a whole (kind department).
VPUB = ("SL-VPUB", "Văn phòng UBND tỉnh Sơn La", "department", dict(
    divisions_total=9, divisions_inspected=3,                     # 33% inspected directly (>= 30%)
    par_index_2024=86.12, par_index_2025=88.4,                    # improved
    ict_index_2024=91.5, ict_index_2025=89.75,                    # fell back: fails
    qppl_central_total=18, qppl_central_implemented=18,
    qppl_province_to_amend=12, qppl_province_amended=11,         # one left: fails
    qppl_flawed=3, qppl_flawed_handled=3,
    qppl_review_flagged=7, qppl_review_handled=7,
    qppl_pctn_total=6, qppl_pctn_disseminated=6,
    internal_tthc_total=24, internal_tthc_published=24,
    tthc_total=1742, tthc_published=1742,
    feedback_received=37, feedback_handled=37,
    satisfaction_rate_reported="95%",
    civil_servants_2021=74, civil_servants=68,                    # −8.1% (>= 5% cut)
    appointments=6, appointments_compliant=6,
    training_planned=120, training_done=112,                      # 93.3% (> 90%)
    budget_disclosed=True,
    docs_4level_total=15320, docs_4level_electronic=15320,
    signed_documents_rate="99,6%", work_records_online_rate="92,5%",
    inspections_total=10, inspections_digital=3,                  # 30%
))

Q3, YEAR = "bc_cchc_q3_date", "bc_cchc_nam_date"

# Roles (the plan's `roles`): the chủ trì of the appendix tasks, and Trung tâm Thông tin, which II.6.a names.
ROLES = {"SL-VP-TCHCQT": ["phong_tchcqt"], "SL-VP-KSTTHC": ["phong_kstthc"], "SL-VP-TTTT": ["trung_tam_thong_tin"]}

# Divisions (office) and centres (public_service_unit): (id, name, kind, figures).
BODIES = [
    ("SL-VP-TCHCQT", "Phòng Tổ chức - Hành chính - Quản trị", "office", dict(
        staff_total=14, staff_official_email=14, staff_evaluated=14, staff_good_or_better=14, staff_excellent=3,
        job_position_structure=True, signed_documents_rate="100%", work_records_online_rate="95%",
        bc_cchc_q3_date=ev("41/BC-TCHCQT", "2025-09-09"), bc_cchc_nam_date=ev("77/BC-TCHCQT", "2025-12-09"),
        # appendix products of Phòng TCHCQT: those the plan records as issued, then the later ones
        kh_papi_date=ev("09/KH-VPUB", "2025-01-15"),
        kh_cchc_date=ev("06/KH-VPUB", "2025-01-07"),
        kh_kiem_tra_cchc_date=ev("33/KH-VPUB", "2025-04-02"),
        kh_tuyen_truyen_cchc_date=ev("11/KH-VPUB", "2025-01-16"),
        cv_boi_duong_cchc_date=ev("942/VPUB-TCHCQT", "2025-05-07"),
        kh_qppl_date=ev("16/KH-VPUB", "2025-01-18"),
        kh_theo_doi_thpl_date=ev("15/KH-VPUB", "2025-01-16"),
        kh_thpl_trong_tam_date=ev("12/KH-VPUB", "2025-01-16"),
        kh_pbgdpl_date=ev("10/KH-VPUB", "2025-01-16"),
        kh_phap_che_date=ev("17/KH-VPUB", "2025-01-18"),
        kh_dao_tao_date=ev("19/KH-VPUB", "2025-01-20"),
        qd_thtk_clp_date=ev("18/QĐ-VPUB", "2025-02-12"),
        qd_chi_tieu_noi_bo_date=ev("05/QĐ-VPUB", "2025-01-07"),
        qd_dieu_hanh_ngan_sach_date=ev("06/QĐ-VPUB", "2025-01-08"),
        kh_chuyen_doi_so_date=ev("60/KH-VPUB", "2024-12-11"),
        bc_kiem_tra_cong_vu_q3_date=ev("812/BC-VPUB", "2025-10-08"),     # after quý III: fails
        bc_kiem_tra_cong_vu_q4_date=ev("1102/BC-VPUB", "2025-12-15"),
        bc_tu_danh_gia_par_date=ev("1045/BC-VPUB", "2025-11-28"),
        bc_nd107_date=ev("1088/BC-VPUB", "2025-12-05"),
        bc_tu_chu_date=ev("1096/BC-VPUB", "2025-12-10"),
        bc_ung_dung_cntt_date=ev("1110/BC-VPUB", "2025-12-18"),
        qd_muc_do_hoan_thanh_date=ev("512/QĐ-VPUB", "2025-12-24"),
        bc_danh_gia_cbccvc_date=ev("1120/BC-VPUB", "2025-12-26"),
    )),
    ("SL-VP-KSTTHC", "Phòng Kiểm soát thủ tục hành chính", "office", dict(
        staff_total=9, staff_official_email=9, staff_evaluated=9, staff_good_or_better=9, staff_excellent=2,
        job_position_structure=True, signed_documents_rate="100%", work_records_online_rate="94%",
        bc_cchc_q3_date=ev("22/BC-KSTTHC", "2025-09-08"), bc_cchc_nam_date=ev("39/BC-KSTTHC", "2025-12-08"),
        kh_kiem_soat_tthc_date=ev("277/QĐ-UBND", "2025-02-12"),
        kh_kiem_tra_ksthc_date=ev("231/KH-UBND", "2025-10-06"),          # after quý III: fails
        bc_to_cong_tac_1169_date=ev("1131/BC-VPUB", "2025-12-22"),
    )),
    ("SL-VP-TH", "Phòng Tổng hợp", "office", dict(
        staff_total=12, staff_official_email=12, staff_evaluated=12, staff_good_or_better=12, staff_excellent=2,
        job_position_structure=True, signed_documents_rate="100%", work_records_online_rate="93%",
        bc_cchc_q3_date=ev("18/BC-TH", "2025-09-05"), bc_cchc_nam_date=ev("35/BC-TH", "2025-12-05"),
    )),
    ("SL-VP-KT", "Phòng Kinh tế", "office", dict(
        staff_total=11, staff_official_email=11, staff_evaluated=11, staff_good_or_better=10, staff_excellent=2,
        job_position_structure=True, signed_documents_rate="100%", work_records_online_rate="91,5%",
        bc_cchc_q3_date=ev("15/BC-KT", "2025-09-10"), bc_cchc_nam_date=ev("31/BC-KT", "2025-12-10"),
    )),
    ("SL-VP-NC", "Phòng Nội chính", "office", dict(
        staff_total=8, staff_official_email=7, staff_evaluated=8, staff_good_or_better=8, staff_excellent=1,
        job_position_structure=True, signed_documents_rate="100%", work_records_online_rate="92%",
        bc_cchc_q3_date=ev("12/BC-NC", "2025-09-12"),                    # after the 11th: fails
        bc_cchc_nam_date=ev("26/BC-NC", "2025-12-09"),
    )),
    ("SL-VP-KGVX", "Phòng Khoa giáo - Văn xã", "office", dict(
        staff_total=10, staff_official_email=10, staff_evaluated=10, staff_good_or_better=10, staff_excellent=2,
        job_position_structure=True, signed_documents_rate="100%", work_records_online_rate="88%",
        bc_cchc_q3_date=ev("14/BC-KGVX", "2025-09-09"), bc_cchc_nam_date=ev("29/BC-KGVX", "2025-12-08"),
    )),
    ("SL-VP-BTCD", "Ban Tiếp công dân tỉnh", "office", dict(
        staff_total=7, staff_official_email=7, staff_evaluated=7, staff_good_or_better=7, staff_excellent=1,
        job_position_structure=False, signed_documents_rate="97,5%", work_records_online_rate="90,5%",
        bc_cchc_q3_date=ev("09/BC-BTCD", "2025-09-10"), bc_cchc_nam_date=ev("21/BC-BTCD", "2025-12-10"),
    )),
    ("SL-VP-TTPVHCC", "Trung tâm Phục vụ hành chính công tỉnh Sơn La", "public_service_unit", dict(
        staff_total=22, staff_official_email=22, staff_evaluated=22, staff_good_or_better=20, staff_excellent=4,
        job_position_structure=True, signed_documents_rate="100%", work_records_online_rate="96%",
        satisfaction_rate_reported="93%",                                # the ratings give less for the year
        career_staff_2021=15, career_staff=14,                           # −6.7%: fails the 10% cut
        budget_disclosed=True,
        bc_cchc_q3_date=ev("118/BC-TTPVHCC", "2025-09-08"),
        bc_cchc_nam_date=ev("205/BC-TTPVHCC", "2025-12-11"),             # not before the 11th: fails
    )),
    ("SL-VP-TTTT", "Trung tâm Thông tin", "public_service_unit", dict(
        staff_total=25, staff_official_email=25, staff_evaluated=25, staff_good_or_better=21, staff_excellent=3,
        job_position_structure=True, signed_documents_rate="100%", work_records_online_rate="93,5%",
        career_staff_2021=28, career_staff=24,                           # −14.3%
        budget_disclosed=False,                                          # fails
        nsnn_spending_2024=6850.0, nsnn_spending_2025=6640.0,            # −3.1%
        qppl_ubnd_issued=46, qppl_ubnd_published=46,
        bc_cchc_q3_date=ev("57/BC-TTTT", "2025-09-09"), bc_cchc_nam_date=ev("96/BC-TTTT", "2025-12-09"),
        bc_cong_ttdt_date=ev("101/BC-TTTT", "2025-12-19"),
    )),
]

# Dossiers: (unit, count, fields, on-time share, online share, satisfied share before June 2025, from June 2025).
DOSSIER_UNITS = [
    ("SL-VPUB", 420, ["ngoai_vu", "tiep_cong_dan", "xu_ly_don"], 0.985, 0.72, 0.95, 0.96),
    ("SL-VP-TTPVHCC", 1680, ["dat_dai", "dau_tu", "xay_dung", "giao_thong", "tu_phap", "lao_dong"], 0.97, 0.58,
     0.78, 0.95),
]
FIRST, DAYS = dt.date(2024, 11, 15), 412           # 15/11/2024 … 31/12/2025


def fmt_date(d, style):
    """Both contract date forms appear, as a real export mixes them."""
    return d.strftime("%Y-%m-%d") if style == 0 else f"{d.day}/{d.month}/{d.year}"


def dossier_rows(uid, n, fields, on_time, online, sat_early, sat_late):
    rows = []
    for i in range(n):
        received = FIRST + dt.timedelta(days=rng.randrange(0, DAYS))
        due = received + dt.timedelta(days=rng.choice([3, 5, 7, 10, 15, 20]))
        late = rng.random() > on_time
        resolved = (due + dt.timedelta(days=rng.randint(1, 5)) if late
                    else received + dt.timedelta(days=rng.randint(0, (due - received).days)))
        unresolved = received > dt.date(2025, 12, 12) and rng.random() < 0.5
        chan = "online" if rng.random() < online else rng.choice(["direct", "direct", "direct", "postal"])
        field = fields[i % len(fields)]
        fee = field in ("dat_dai", "dau_tu", "xay_dung", "giao_thong") and rng.random() < 0.6
        rated = rng.random() < 0.6
        satisfied = sat_early if received < dt.date(2025, 6, 1) else sat_late
        rows.append({
            "id": f"SL-{uid.split('-')[-1]}-{i + 1:05d}",
            "unit_id": uid,
            "procedure_id": f"{field.upper()}-{1 + (i // len(fields)) % 6:02d}",
            "field": field,
            "received_at": received.strftime("%Y-%m-%d") + (
                f" {rng.randint(7, 16):02d}:{rng.randint(0, 59):02d}" if rng.random() < 0.25 else ""),
            "due_at": fmt_date(due, i % 2),
            "resolved_at": "" if unresolved else fmt_date(resolved, (i + 1) % 2),
            "channel": chan,
            "fully_online": "true" if chan == "online" and rng.random() < 0.7 else "false",
            "digitized": "true" if rng.random() < 0.85 else "false",
            "e_result": "" if unresolved else ("true" if rng.random() < 0.9 else "false"),
            "data_reused": "có" if rng.random() < 0.5 else "không",
            "fee_required": "true" if fee else "false",
            "paid_online": "true" if fee and chan == "online" and rng.random() < 0.8 else "false",
            "synced_to_portal": "true",
            "apology_issued": "true" if late else "false",
            "closed_at": "" if unresolved else fmt_date(resolved, 0),
            "satisfaction": "" if not rated else str(
                rng.choice([4, 5, 5]) if rng.random() < satisfied else rng.choice([1, 2, 3])),
        })
    return rows


def yaml_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def write_unit(f, uid, name, kind, parent, figures):
    f.write(f"  - id: {uid}\n    name: {name}\n    kind: {kind}\n")
    if parent:
        f.write(f"    parent: {parent}\n")
    if uid in ROLES:
        f.write(f"    roles: [{', '.join(ROLES[uid])}]\n")
    if figures:
        f.write("    indicators:\n")
        for k, v in figures.items():
            if isinstance(v, dict):
                e = v["evidence"]
                f.write(f"      {k}: {{value: {v['value']}, evidence: {{number: \"{e['number']}\", date: {e['date']}}}}}\n")
            else:
                f.write(f"      {k}: {yaml_value(v)}\n")


def main():
    with open("units.yaml", "w", encoding="utf-8") as f:
        f.write("# Văn phòng UBND tỉnh Sơn La, its divisions and its two centres, with the figures they reported for 2025.\n")
        f.write("# Generated by generate.py; invented figures. Kinds: department = the Văn phòng itself (a cơ quan\n")
        f.write("# chuyên môn of UBND tỉnh); office = its phòng, ban; public_service_unit = its trung tâm (ĐVSNCL).\nunits:\n")
        write_unit(f, "SONLA", "UBND tỉnh Sơn La", "province", None, None)
        uid, name, kind, figs = VPUB
        write_unit(f, uid, name, kind, "SONLA", figs)
        for bid, bname, bkind, bfigs in BODIES:
            write_unit(f, bid, bname, bkind, uid, bfigs)
    rows = []
    for spec in DOSSIER_UNITS:
        rows += dossier_rows(*spec)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0].keys()), lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    with open("dossiers.csv", "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    print(f"{len(BODIES) + 2} units, {len(rows)} dossiers")


main()
