"""What each unit of the benchmark province reports: every indicator the Lâm Đồng 2025 plan declares for its kind,
with evidence where the plan asks for it, meeting its target or not by the unit's tier (imported by units.py)."""
import datetime as dt


class Figures:
    """Draws one unit's indicators: `ok(p)` says whether a figure meets its target, harder for weaker tiers."""

    def __init__(self, rng, uid, tier):
        self.rng, self.uid = rng, uid
        self.miss = {"good": 0.04, "average": 0.15, "poor": 0.35}[tier]
        self.ind = {}

    def ok(self):
        return self.rng.random() >= self.miss

    def pair(self, total_name, part_name, lo, hi, short=1):
        """A count and the part of it done: all of it, or `short` fewer when the unit misses."""
        n = self.rng.randint(lo, hi)
        self.ind[total_name] = n
        self.ind[part_name] = n if self.ok() else max(0, n - self.rng.randint(1, short))

    def doc(self, name, code, deadline):
        """A dated product with its evidence: on or before `deadline`, or up to 20 days late."""
        d = deadline - dt.timedelta(days=self.rng.randint(0, 25)) if self.ok() \
            else deadline + dt.timedelta(days=self.rng.randint(1, 20))
        self.ind[name] = {"value": d.isoformat(),
                          "evidence": {"number": f"{self.rng.randint(10, 350)}/{code}-{self.uid}", "date": d.isoformat()}}


def indicators(rng, uid, kind, tier):
    """Every indicator the Lâm Đồng 2025 plan declares for `kind`, some missing where the plan allows it."""
    if kind not in ("department", "commune", "ward", "special_zone"):
        return {}
    D, dept, f = dt.date, kind == "department", Figures(rng, uid, tier)
    r, ind = rng.random, f.ind
    has_psu = r() < (0.85 if dept else 0.7)
    f.doc("cchc_plan_date", "KH", D(2025, 7, 30))
    if r() < 0.85:
        ind["action_slogan_date"] = (D(2025, 7, 29) - dt.timedelta(days=rng.randint(0, 20)) if f.ok()
                                     else D(2025, 7, 30) + dt.timedelta(days=rng.randint(0, 10))).isoformat()
    f.pair("feedback_received", "feedback_handled", 0 if not dept else 5, 40, 3)
    ind["work_records_online_rate"] = "100%" if f.ok() else rng.choice(["96,5%", "98.2%", "91%", "99,4%"])
    if dept:
        f.pair("tthc_in_draft_qppl", "tthc_in_draft_qppl_controlled", 0, 8)
        f.pair("tthc_total", "tthc_published", 20, 250, 5)
        f.pair("internal_tthc_total", "internal_tthc_published", 2, 12)
        f.pair("tthc_fully_online_eligible", "tthc_fully_online_provided", 5, 80, 4)
        ind["tthc_one_stop"] = ind["tthc_total"] if f.ok() else ind["tthc_total"] - rng.randint(1, 4)
        f.doc("service_price_decision_date", "QĐ", D(2025, 9, 30))
        f.pair("report_regimes_total", "report_regimes_connected", 3, 12, 2)
        f.pair("shared_data_apps", "shared_data_apps_lgsp", 1, 6)
        if r() < 0.3:
            f.pair("ndxp_services_available", "ndxp_services_used", 1, 4)
    else:
        ind["e_certification_deployed"] = "true" if f.ok() else "false"
    if dept or r() < 0.5:
        f.pair("qppl_planned", "qppl_on_schedule", 1, 6)
    if r() < 0.35:
        f.pair("qppl_to_handle", "qppl_handled", 1, 4)
    f.pair("law_monitoring_planned", "law_monitoring_done", 2, 8)
    if has_psu:
        n21 = rng.randint(4, 25) if dept else rng.randint(2, 8)
        ind["psu_count_2021"] = n21
        ind["psu_count"] = n21 - max(1, round(n21 * 0.2)) if f.ok() else n21 - (1 if n21 > 9 and r() < 0.5 else 0)
    ind["functions_regulated"] = "true" if f.ok() else "false"
    total = rng.randint(15, 90) if dept else rng.randint(12, 35)
    ind["civil_servant_total"] = total
    ind["civil_servant_by_position"] = total if f.ok() else total - 1
    if has_psu:
        f.pair("public_employee_total", "public_employee_by_position", 30, 900, 6)
    if r() < 0.5:
        f.pair("leaders_appointed", "leaders_appointed_compliant", 1, 6)
    f.pair("training_assigned", "training_completed", 5, 40, 4)
    if has_psu:
        planned = rng.randint(20, 900) * 100
        ind["investment_planned"] = planned
        ind["investment_disbursed"] = planned if f.ok() else round(planned * rng.uniform(0.6, 0.97), 1)
        s24 = 5000 + rng.randint(0, 4000) * 10
        ind["psu_direct_spending_2024"] = s24
        ind["psu_direct_spending"] = round(s24 * (rng.uniform(0.85, 0.99) if f.ok() else rng.uniform(1.0, 1.08)), 1)
        sf = rng.randint(0, 5)
        ind["self_financed_psu_2024"] = sf
        ind["self_financed_psu"] = sf + 1 if f.ok() else sf
        f.doc("autonomy_adjustment_decision_date", "QĐ", D(2025, 12, 31))
        f.doc("autonomy_review_report_date", "BC", D(2025, 12, 31))
    ind["public_assets_compliant"] = "true" if f.ok() else "false"
    if r() < 0.35:
        n = rng.randint(3, 10)
        ind["land_sites_approved"] = n
        ind["land_sites_rearranged"] = n - (0 if f.ok() else rng.randint(2, 3))
    ind["budget_use_compliant"] = "true" if f.ok() else "false"
    if r() < 0.5:
        f.pair("audit_recs_total", "audit_recs_done", 1, 6)
    f.doc("public_assets_report_date", "BC", D(2026, 2, 28))
    if f.ok():  # a unit that sent no report: the product is missing
        f.doc("budget_use_report_date", "BC", D(2025, 12, 31))
    f.doc("audit_followup_report_date", "BC", D(2025, 12, 31))
    if not dept or r() < 0.3:
        f.doc("revenue_report_date", "BC", D(2025, 12, 31))
    if (not dept and has_psu) or uid == "STC":
        f.doc("budget_allocation_decision_date", "QĐ", D(2025, 12, 31))
    specials = {"SNV": [("psu_plan_2025_date", "KH-UBND", D(2025, 7, 31)), ("training_plan_date", "KH-UBND", D(2025, 7, 31)),
                        ("inspection_plan_date", "KH-UBND", D(2025, 7, 31)),
                        ("propaganda_plan_province_date", "KH-UBND", D(2025, 7, 31))],
                "SKHCN": [("data_warehouse_date", "QĐ", D(2025, 12, 31))],
                "VPUBND": [("data_regulation_date", "QĐ-UBND", D(2025, 12, 31))],
                "SGDDT": [("class_size_decision_date", "QĐ-UBND", D(2025, 9, 30))]}
    for name, code, deadline in specials.get(uid, []):
        f.doc(name, code, deadline)
    ind["par_initiatives"] = rng.randint(1, 4) if f.ok() else 0
    f.doc("initiative_report_date", "BC", D(2025, 10, 31))
    f.doc("self_inspection_plan_date", "KH", D(2025, 8, 15))
    f.doc("self_inspection_done_date", "BC", D(2025, 10, 31))
    f.doc("inspection_remediation_report_date", "BC", D(2025, 11, 30))
    f.doc("propaganda_plan_date", "KH", D(2025, 8, 15))
    return ind
