import XCTest
import Common
import Plan

/// Errors in measures, scoring, periods and the index sections, each at its node.
final class SectionErrorTests: XCTestCase {
    private func diagnostics(_ edits: [(String, String)]) throws -> [Diagnostic] {
        var text = Fixture.fullPlan
        for (old, new) in edits {
            XCTAssertTrue(text.contains(old), "fixture has no '\(old)'")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return try loadPlan(text).diagnostics
    }

    func testMeasureNeedsExactlyOneKindAndNumericRatios() throws {
        let d = try diagnostics([
            ("{metric: on_time_rate}", "{metric: on_time_rate, violations: not_synced}"),
            ("{indicator: cchc_plan_date}", "{}"),
            ("{numerator: psu_now, denominator: psu_2021}", "{numerator: psu_now, denominator: cchc_plan_date}"),
        ])
        XCTAssertEqual(d.brief, ["26:14 bad-measure", "60:14 bad-measure", "69:56 bad-measure"])
        XCTAssertEqual(d.map(\.message), [
            "'measure' of target 'tthc.on_time' needs exactly one of metric, indicator, ratio, violations, check, evidence (found metric, violations)",
            "'measure' of target 'chi_dao.plan_date' needs exactly one of metric, indicator, ratio, violations, check, evidence (found none)",
            "'denominator' of 'ratio' of 'measure' of target 'bo_may.psu' must be a number, count or percent indicator; "
                + "'cchc_plan_date' is date",
        ])
    }

    func testScoringRules() throws {
        let d = try diagnostics([
            ("scoring: {deduct: 0.5}", "scoring: {deduct: 0.5, floor: 2}"),
            ("scoring: proportional", "scoring: {deduct: 1}"),
            ("    severity: info\n", "    severity: info\n    scoring: proportional\n"),
            ("{bands: [{when: \">= 98%\", points: 2}, {when: \">= 95%\", points: 1}]}",
             "{bands: [{when: \">= 95%\", points: 1}, {when: \">= 98%\", points: 2}]}"),
        ])
        XCTAssertEqual(d.brief, ["30:77 bad-scoring", "37:35 bad-scoring", "46:14 bad-scoring", "63:14 bad-scoring"])
        XCTAssertEqual(d.map(\.message), [
            "bands must be listed best first: band #2 of 'scoring' of target 'tthc.on_time' gives more points than the band before it",
            "'floor' must be between 0 and the target's points (1.5)",
            "deductions need a count (violations, a count or number indicator, or a check)",
            "proportional scoring needs a numeric measure",
        ])
    }

    /// An indicator dropped for its own error is not reported again as unknown where targets use it.
    func testUnknownChoicesSuggest() throws {
        let d = try diagnostics([
            ("{name: psu_2021, type: count}", "{name: psu_2021, type: cuont}"),
            ("    severity: warning\n", "    severity: eror\n"),
            ("    when_missing: fail\n", "    when_missing: skip\n"),
            ("scoring: proportional", "scoring: proportionnal"),
        ])
        XCTAssertEqual(d.map(\.message), [
            "unknown value 'cuont' for 'type' of indicator 'psu_2021'; did you mean 'count'?",
            "unknown value 'eror' for 'severity' of target 'tthc.on_time'; did you mean 'error'?",
            "unknown value 'skip' for 'when_missing' of target 'tthc.digitized' (expected one of: fail, not_applicable)",
            "unknown scoring 'proportionnal' for 'scoring' of target 'tthc.digitized'; did you mean 'proportional'?; "
                + "bands and deductions are written as mappings",
        ])
        XCTAssertEqual(d.brief.map { $0.components(separatedBy: " ")[0] }, ["12:28", "28:15", "44:19", "46:14"])
    }

    func testPeriodsDatesAndIds() throws {
        let d = try diagnostics([
            ("period: 2025", "period: 2025-Q5"),
            ("end: 2025-09-10, as_of: 15/9/2025", "end: 2025-06-01, as_of: 15/9/2025"),
            ("h1: 2025-H1", "H1: 2025-H1"),
            ("date: 2025-07-15", "date: 2025-02-29"),
            ("- id: bo_may.psu", "- id: Bo_may.psu"),
            ("    quote: \"Tối thiểu", "    quote: [x]\n    title_en: {a: 1}\n    x_quote: \"Tối thiểu"),
            ("{metric: on_time_rate}", "{metric: on_time}"),
        ])
        // The optional `quote` of a target dropped for its measure is still checked; a duplicate key is
        // reported at its second occurrence.
        XCTAssertEqual(d.brief, ["4:39 bad-date", "5:9 bad-period", "7:32 bad-period", "8:3 bad-id",
                                 "24:12 expected-string", "25:5 duplicate-key", "26:5 unknown-key", "28:23 unknown-metric",
                                 "66:9 bad-id"])
        XCTAssertEqual(d[2].message, "period 'q3' ends (2025-06-01) before it starts (2025-06-14)")
        XCTAssertEqual(d[0].message, "'2025-02-29' is not a real date for 'date' of 'document' (write 2025-07-15 or 15/7/2025)")
    }

    func testClassificationRankingAndBudgets() throws {
        let d = try diagnostics([
            ("{min: 80, label: Khá, label_en: Good}", "{min: 95, label: Khá, label_en: Good}"),
            ("kinds: [commune, ward, special_zone]", "kinds: [commune, ward, department, province]"),
            ("memory_mb: 64", "memory_mb: 0"),
        ])
        XCTAssertEqual(d.map(\.description).map { String($0.drop { $0 != ":" }.dropFirst()) }, [
            "73:11: error: bad-classification: classification bands must be listed highest first: 95 follows 90",
            "77:59: error: duplicate-kind: unit kind 'department' is in ranking groups 'departments' and 'localities'",
            "77:59: warning: unassessed-kind: ranking group 'localities' ranks 'province', which is not in 'assessed_kinds'",
            "78:46: error: bad-value: 'memory_mb' of 'budgets' must be greater than 0",
        ])
    }

    func testRootMustBeAMappingAndEmptyFile() throws {
        XCTAssertEqual(try loadPlan("- a\n- b\n").diagnostics.map(\.message), ["expected a mapping for the plan, found a sequence"])
        let empty = try loadPlan("# nothing yet\n")
        XCTAssertNil(empty.plan)
        XCTAssertEqual(empty.diagnostics.map(\.code), ["expected-mapping"])
        let bare = try loadPlan("parcheck: plan/1\n")
        XCTAssertNil(bare.plan)
        XCTAssertEqual(bare.diagnostics.map(\.message), ["the plan has no 'areas' (required)", "the plan has no 'assessed_kinds' (required)",
                                                         "the plan has no 'document' (required)", "the plan has no 'id' (required)",
                                                         "the plan has no 'targets' (required)", "the plan has no 'title' (required)"])
    }
}
