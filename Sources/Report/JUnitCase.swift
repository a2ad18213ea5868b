import Common
import Engine

extension JUnitReport {
    /// One unit's cases.
    struct Suite {
        var name: String
        var id: String
        var cases: [Case] = []

        var tests: Int { cases.count }
        var failures: Int { cases.filter { $0.outcome == .failure }.count }
        var errors: Int { cases.filter { $0.outcome == .error }.count }
        var skipped: Int { cases.filter { $0.outcome == .skipped }.count }

        func xml() -> String {
            var out = "  <testsuite" + XMLText.attributes([
                ("name", name), ("id", id), ("tests", "\(tests)"), ("failures", "\(failures)"), ("errors", "\(errors)"),
                ("skipped", "\(skipped)"), ("time", "0"),
            ]) + ">\n"
            for c in cases { out += c.xml() }
            return out + "  </testsuite>\n"
        }
    }

    /// One (unit, target) decision.
    struct Case {
        enum Outcome { case pass, failure, error, skipped }
        var classname: String
        var name: String
        var outcome: Outcome
        var message: String
        var type: String
        var body: [String]

        static func judge(unit: String, name: String, title: String, status: TargetStatus, findings: [Finding],
                          _ r: RunReport) -> Case {
            let f = r.f
            let failing = findings.filter(r.fails)
            let lines = findings.map { line($0, r) }
            var c = Case(classname: unit, name: "\(name) — \(title)", outcome: .pass, message: "", type: "", body: lines)
            if let worst = failing.first {
                c.outcome = status == .error || worst.kind == .checkError ? .error : .failure
                c.type = worst.severity.rawValue
                c.message = worst.message.text(r.language)
                c.body = failing.map { line($0, r) }
            } else if status == .notApplicable && findings.isEmpty {
                c.outcome = .skipped
                c.message = f.status(.notApplicable)
            } else if let waived = findings.first(where: { if case .waived = r.waivers.standing($0) { true } else { false } }),
                      let i = r.waivers.standing(waived).waiver {
                let w = r.waivers.waivers[i]
                c.outcome = .skipped
                c.message = f.t("miễn trừ", "waived") + ": \(w.reason) (\(w.by), " + f.t("đến", "until") + " \(isoDate(w.until)))"
            }
            return c
        }

        /// `[error] message (dossiers.csv:12)` plus the waiver or change markers.
        static func line(_ x: Finding, _ r: RunReport) -> String {
            var s = "[\(x.severity.rawValue)] \(x.message.text(r.language))"
            if let l = x.location { s += " (\(l))" }
            if let c = r.comparison, c.isNew(x) { s += " [" + r.f.t("mới", "new") + "]" }
            if case .expired = r.waivers.standing(x) { s += " [" + r.f.standing(.expired(0)) + "]" }
            return s + " #\(x.id)"
        }

        func xml() -> String {
            var out = "    <testcase" + XMLText.attributes([("classname", classname), ("name", name), ("time", "0")])
            let text = XMLText.escape(body.joined(separator: "\n"))
            switch outcome {
            case .pass:
                return out + (body.isEmpty ? "/>\n" : ">\n      <system-out>\(text)</system-out>\n    </testcase>\n")
            case .skipped:
                out += ">\n      <skipped" + XMLText.attributes([("message", message)]) + "/>\n"
            case .failure, .error:
                let tag = outcome == .error ? "error" : "failure"
                out += ">\n      <\(tag)" + XMLText.attributes([("message", message), ("type", type)]) + ">\(text)</\(tag)>\n"
            }
            return out + "    </testcase>\n"
        }
    }
}
