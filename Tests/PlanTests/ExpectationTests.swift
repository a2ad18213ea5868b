import XCTest
import Common
import Plan

/// The threshold grammar `OP VALUE` and how thresholds compare.
final class ExpectationTests: XCTestCase {
    private let at = SourceLocation(file: "p.yaml", line: 3, column: 13)

    private func parse(_ text: String) throws -> Expectation {
        try Expectation.parse(text, location: at).get()
    }

    private func error(_ text: String) -> String? {
        if case .failure(let d) = Expectation.parse(text, location: at) {
            XCTAssertEqual(d.code, "bad-expectation")
            XCTAssertEqual(d.location, at)
            return d.message
        }
        return nil
    }

    func testPercentagesAreFractionsAndAcceptADecimalComma() throws {
        XCTAssertEqual(try parse(">= 98%").value, .number(0.98))
        XCTAssertEqual(try parse(">= 98,5%").value, .number(0.985))
        XCTAssertEqual(try parse(">=98.5 %").value, .number(0.985))
        XCTAssertEqual(try parse("== 100%").value, .number(1))
        XCTAssertEqual(try parse("< 0.5%").value, .number(0.005))
        XCTAssertEqual(try parse(">= 98,5%").text, ">= 98,5%")
        XCTAssertEqual(try parse("  > 30% ").text, "> 30%")
    }

    func testOperatorsNumbersDatesAndBooleans() throws {
        XCTAssertEqual(try parse(">= 0.98").op, .greaterOrEqual)
        XCTAssertEqual(try parse("> 2").op, .greater)
        XCTAssertEqual(try parse("<= 0.9").op, .lessOrEqual)
        XCTAssertEqual(try parse("< 1e3").value, .number(1000))
        XCTAssertEqual(try parse("== 0").op, .equal)
        XCTAssertEqual(try parse("!= -1").value, .number(-1))
        XCTAssertEqual(try parse("≥ 1").op, .greaterOrEqual)
        XCTAssertEqual(try parse("≤ 1").op, .lessOrEqual)
        XCTAssertEqual(try parse("<= 2025-07-30").value, .date(20299))
        XCTAssertEqual(try parse("<= 30/7/2025").value, .date(20299))
        XCTAssertEqual(try parse("<= 01/03/2025").value, .date(20148))  // 1 March, never 3 January
        XCTAssertEqual(try parse("== true").value, .bool(true))
        XCTAssertEqual(try parse("!= false").value, .bool(false))
    }

    func testMalformedThresholds() {
        XCTAssertEqual(error("98%"), "bad expectation '98%': missing comparison operator; did you mean '>= 98%'?")
        XCTAssertEqual(error("=> 98%"), "bad expectation '=> 98%': expected OP VALUE, with OP one of >= > <= < == !=")
        XCTAssertEqual(error(">="), "bad expectation '>=': missing the value after '>='")
        XCTAssertEqual(error(">= 1,5"), "bad expectation '>= 1,5': '1,5': use '.' as the decimal separator "
                       + "(a comma is only read in percentages such as 98,5%)")
        XCTAssertEqual(error("<= 2025-02-29"), "bad expectation '<= 2025-02-29': '2025-02-29' is not a real calendar date "
                       + "(write 2025-07-30 or 30/7/2025, day first)")
        XCTAssertEqual(error(">= true"), "bad expectation '>= true': true/false can only be compared with == or !=")
        XCTAssertEqual(error(">= lots"), "bad expectation '>= lots': 'lots' is not a number, percentage, "
                       + "date (2025-07-30 or 30/7/2025) or true/false")
        XCTAssertNotNil(error(">= 98%%"))
        XCTAssertNotNil(error(">= 0x10"))
        XCTAssertNotNil(error(">= inf"))
    }

    func testHoldsComparesSameTypesOnly() throws {
        let rate = try parse(">= 98%")
        XCTAssertEqual(rate.holds(.number(49.0 / 50.0)), true)  // exactly 98%: the division rounds to the same double
        XCTAssertEqual(rate.holds(.number(0.979)), false)
        XCTAssertNil(rate.holds(.date(20299)))
        let deadline = try parse("<= 30/7/2025")
        XCTAssertEqual(deadline.holds(.date(20299)), true)
        XCTAssertEqual(deadline.holds(.date(20300)), false)
        XCTAssertNil(deadline.holds(.number(20299)))
        let claim = try parse("== true")
        XCTAssertEqual(claim.holds(.bool(true)), true)
        XCTAssertEqual(claim.holds(.bool(false)), false)
        XCTAssertEqual(try parse("!= 0").holds(.number(0)), false)
        XCTAssertEqual(try parse("< 2").holds(.number(1)), true)
    }

    func testPerKindThresholds() throws {
        let text = Fixture.fullPlan(replacing: "expect: {default: \">= 30%\", department: \">= 60,5%\"}",
                                    with: "expect: {department: \">= 95%\", district: \">= 85%\", commune: \">= 75%\"}")
        let (plan, diagnostics, file) = try loadPlan(text)
        XCTAssertEqual(diagnostics.map(\.description), [
            "\(file):43:13: error: bad-expectation: 'expect' of target 'tthc.digitized' has no threshold for 'ward' (add 'default' or 'ward')",
            "\(file):43:46: warning: unused-expectation: target 'tthc.digitized' does not apply to 'district'",
        ])
        XCTAssertNil(plan?.target("tthc.digitized"))

        let set = ExpectationSet(default: try parse(">= 30%"), byKind: [.department: try parse(">= 60%"), .ward: try parse(">= 40%")])
        XCTAssertEqual(set.forKind(.department)?.value, .number(0.6))
        XCTAssertEqual(set.forKind(.commune)?.value, .number(0.3))
        XCTAssertEqual(set.all.map(\.text), [">= 30%", ">= 60%", ">= 40%"])
        XCTAssertNil(ExpectationSet(default: nil, byKind: [.ward: try parse(">= 1")]).forKind(.commune))
    }

    func testThresholdMustFitWhatIsMeasured() throws {
        var text = Fixture.fullPlan(replacing: "expect: \">= 98%\"", with: "expect: \">= 98\"")
        text = text.replacingOccurrences(of: "expect: <= 30/7/2025", with: "expect: <= 5")
        text = text.replacingOccurrences(of: "{when: \">= 95%\", points: 1}", with: "{when: \">= 95%\", points: 3}")
        let (_, diagnostics, _) = try loadPlan(text)
        XCTAssertEqual(diagnostics.brief, ["27:13 bad-expectation", "30:77 bad-scoring", "61:13 bad-expectation"])
        XCTAssertEqual(diagnostics.map(\.message), [
            "bad expectation '>= 98': metric 'on_time_rate' is a fraction from 0 to 1; did you mean '>= 98%'?",
            "band #2 of 'scoring' of target 'tthc.on_time' gives 3 points; the target has 2",
            "bad expectation '<= 5': indicator 'cchc_plan_date' gives a date, not a number",
        ])
    }
}
