import XCTest
import Common
import Plan

/// Broken plans: every error is reported, located at the offending node, sorted, with a helpful message.
final class PlanErrorTests: XCTestCase {
    func testTypoBadThresholdAndDuplicateIdAreAllReportedSorted() throws {
        var text = Fixture.fullPlan(replacing: "    severity: warning\n", with: "    severty: warning\n")
        text = text.replacingOccurrences(of: "expect: <= 30/7/2025", with: "expect: <= 31/2/2025")
        text = text.replacingOccurrences(of: "- id: tthc.backlog", with: "- id: tthc.on_time")
        let (plan, diagnostics, file) = try loadPlan(text)
        XCTAssertEqual(diagnostics.brief, ["28:5 unknown-key", "47:9 duplicate-id", "61:13 bad-expectation"])
        XCTAssertEqual(diagnostics.map(\.description), [
            "\(file):28:5: error: unknown-key: unknown key 'severty' in target 'tthc.on_time'; did you mean 'severity'?",
            "\(file):47:9: error: duplicate-id: duplicate target id 'tthc.on_time' (first defined at line 19)",
            "\(file):61:13: error: bad-expectation: bad expectation '<= 31/2/2025': '31/2/2025' is not a real calendar date "
                + "(write 2025-07-30 or 30/7/2025, day first)",
        ])
        // The plan is still built from what is valid, without the broken targets.
        XCTAssertEqual(plan?.targets.map(\.id), ["tthc.on_time", "tthc.apology", "tthc.digitized", "bo_may.psu"])
    }

    func testUnknownReferencesSuggestTheClosestName() throws {
        var text = Fixture.fullPlan(replacing: "{metric: on_time_rate}", with: "{metric: on_time_rat}")
        text = text.replacingOccurrences(of: "    area: chi_dao\n", with: "    area: chi_da\n")
        text = text.replacingOccurrences(of: "late_without_apology", with: "late_without_apologies")
        text = text.replacingOccurrences(of: "{indicator: cchc_plan_date}", with: "{indicator: cchc_plan}")
        text = text.replacingOccurrences(of: "assessed_kinds: [department, commune, ward, special_zone]",
                                         with: "assessed_kinds: [department, comune, ward, special_zone]")
        let (_, diagnostics, _) = try loadPlan(text)
        let errors = diagnostics.errors
        // No cascade: the broken area reference does not also break chi_dao's point sum, the broken
        // violation name does not make 'expect' required.
        XCTAssertEqual(errors.brief, ["9:30 unknown-unit-kind", "26:23 unknown-metric", "35:27 unknown-violation",
                                      "56:11 unknown-area", "60:26 unknown-indicator"])
        XCTAssertEqual(errors.map(\.message), [
            "unknown unit kind 'comune' in 'assessed_kinds' of the plan; did you mean 'commune'?",
            "unknown metric 'on_time_rat'; did you mean 'on_time_rate'?",
            "unknown violation 'late_without_apologies'; did you mean 'late_without_apology'?",
            "unknown area 'chi_da' in target 'chi_dao.plan_date'; did you mean 'chi_dao'?",
            "unknown indicator 'cchc_plan' in 'indicator' of 'measure' of target 'chi_dao.plan_date'; did you mean 'cchc_plan_date'?",
        ])
    }

    func testUnknownKeyWithoutCloseMatchListsTheKeys() throws {
        let text = Fixture.fullPlan(replacing: "budgets: {instructions: 20000000, memory_mb: 64}",
                                    with: "budgets: {instructions: 20000000, timeout: 5}")
        let (_, diagnostics, _) = try loadPlan(text)
        XCTAssertEqual(diagnostics.map(\.message), ["unknown key 'timeout' in 'budgets' (expected one of: instructions, memory_mb, seconds)"])
        XCTAssertEqual(diagnostics.brief, ["78:35 unknown-key"])
    }

    func testBudgetSecondsIsReadAndMustBePositive() throws {
        let good = Fixture.fullPlan(replacing: "budgets: {instructions: 20000000, memory_mb: 64}",
                                    with: "budgets: {instructions: 20000000, seconds: 2.5}")
        let (plan, none, _) = try loadPlan(good)
        XCTAssertEqual(none.map(\.message), [])
        XCTAssertEqual(plan?.budgets?.seconds, 2.5)
        let bad = Fixture.fullPlan(replacing: "budgets: {instructions: 20000000, memory_mb: 64}",
                                   with: "budgets: {instructions: 20000000, seconds: 0}")
        let (_, diagnostics, _) = try loadPlan(bad)
        XCTAssertEqual(diagnostics.map(\.message), ["'seconds' of 'budgets' must be a number greater than 0"])
        XCTAssertEqual(diagnostics.brief, ["78:44 bad-value"])
    }

    func testAreaPointsMustAddUpToMax() throws {
        let text = Fixture.fullPlan(replacing: "max: 5.5}", with: "max: 6}")
        let (plan, diagnostics, file) = try loadPlan(text)
        XCTAssertEqual(diagnostics.map(\.description),
                       ["\(file):16:94: error: area-points: the targets of area 'tthc' carry 5.5 points, but its max is 6"])
        XCTAssertNotNil(plan)
    }

    func testMissingScriptIsLocatedAtTheCheckPath() throws {
        let text = Fixture.fullPlan(replacing: "{check: checks/backlog.lua}", with: "{check: checks/backlg.lua}")
        let (plan, diagnostics, file) = try loadPlan(text)
        let dir = String(file.dropLast("/plan.yaml".count))
        XCTAssertEqual(diagnostics.map(\.description), ["\(file):51:22: error: missing-script: check script 'checks/backlg.lua' "
                                                        + "not found (looked for '\(dir)/checks/backlg.lua')"])
        XCTAssertEqual(plan?.scripts.count, 0)
    }

    func testTypesRequiredKeysAndDuplicateKeys() throws {
        var text = Fixture.fullPlan(replacing: "    points: 1.5\n", with: "    points: \"1.5\"\n")
        text = text.replacingOccurrences(of: "    citation: I.6.a\n", with: "")
        text = text.replacingOccurrences(of: "    when_missing: fail\n", with: "    when_missing: fail\n    when_missing: fail\n")
        text = text.replacingOccurrences(of: "required: true, evidence: true}", with: "required: yes, evidence: true}")
        let (_, diagnostics, _) = try loadPlan(text)
        XCTAssertEqual(diagnostics.brief, ["11:116 expected-bool", "36:13 expected-number", "38:5 missing-key", "44:5 duplicate-key"])
        XCTAssertEqual(diagnostics.map(\.message), [
            "expected true or false for 'required' of indicator 'cchc_plan_date', found the value yes",
            "expected a number for 'points' of target 'tthc.apology', found the string \"1.5\"; remove the quotes",
            "target 'tthc.digitized' has no 'citation' (required)",
            "duplicate key 'when_missing' in target 'tthc.digitized' (first at line 43)",
        ])
    }

    func testFormatTagAndYAMLErrors() throws {
        let wrong = try loadPlan(Fixture.fullPlan(replacing: "parcheck: plan/1", with: "parcheck: plan/2"))
        XCTAssertNil(wrong.plan)
        XCTAssertEqual(wrong.diagnostics.map(\.message), ["unsupported plan format 'plan/2' (this parcheck reads 'plan/1')"])

        let unquoted = try loadPlan(Fixture.fullPlan(replacing: "expect: \">= 98%\"", with: "expect: >= 98%"))
        XCTAssertNil(unquoted.plan)
        XCTAssertEqual(unquoted.diagnostics.map(\.code), ["yaml-syntax"])
        XCTAssertEqual(unquoted.diagnostics.first?.location.line, 27)
        XCTAssertTrue(unquoted.diagnostics.first?.message.hasSuffix("quote expectations that start with '>' or '!', "
                                                                    + "e.g. expect: \">= 98%\"") == true)

        let tagged = try loadPlan(Fixture.fullPlan(replacing: "expect: == 0", with: "expect: != 0"))
        XCTAssertEqual(tagged.diagnostics.map(\.description),
                       ["\(tagged.file):53:13: error: bad-expectation: YAML read '!=' as a tag; quote the threshold: \"!= 0\""])
    }

    func testFlowMappingCommaHint() throws {
        let text = Fixture.fullPlan(replacing: "title: \"Sở, ban, ngành\"", with: "title: Sở, ban ngành")
        let (_, diagnostics, _) = try loadPlan(text)
        XCTAssertEqual(diagnostics.map(\.message), ["unknown key 'ban ngành' in ranking group 'departments' (expected one of: "
            + "id, title, kinds); if 'ban ngành' belongs to the text before it, quote that text (a comma ends a value inside {…})"])
    }
}

/// `compare:` must name a numeric indicator and a known mode.
final class CompareErrorTests: XCTestCase {
    func testBaselineMustBeNumericAndModeKnown() {
        let text = """
        parcheck: plan/1
        id: p
        title: P
        document: {number: 1/KH, date: 2025-01-01, issuer: UBND, year: 2025}
        assessed_kinds: [ward]
        indicators:
          - {name: when, type: date}
          - {name: n2021, type: count}
          - {name: n, type: count}
        areas:
          - {id: a, title: A}
        targets:
          - id: t1
            area: a
            title: t1
            citation: I
            measure: {indicator: n}
            compare: {baseline: when}
            expect: "< 0"
          - id: t2
            area: a
            title: t2
            citation: I
            measure: {indicator: n}
            compare: {baseline: n2021, as: ratio}
            expect: "< 0"
        """
        let (_, diagnostics) = PlanLoader.load(text: text, file: "p.yaml")
        let lines = diagnostics.map(\.description)
        XCTAssertTrue(lines.contains { $0.hasPrefix("p.yaml:18:25: error: bad-compare: ") }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("p.yaml:25:36: error: unknown-value: ") && $0.contains("ratio") }, "\(lines)")
    }
}
