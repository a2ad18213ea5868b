import Common
import Data
import Engine
import Foundation
import Plan
import XCTest

/// Runs every example of Rules/LUA_API.md against the fixture the page declares, so the reference cannot drift
/// from the code: each `-- → VALUE` is the value the example must return, each `-- finding: ID` a dossier it must
/// raise a finding for.
final class LuaAPIDocTests: XCTestCase {
    struct Example {
        var line: Int
        var code: String
        var expected: String
        var findings: [String]
    }

    static let page: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/Rules/LUA_API.md"
    }()

    /// Fenced blocks as (info string, first line number, body).
    static func blocks(_ text: String) -> [(info: String, line: Int, body: String)] {
        var out: [(String, Int, String)] = []
        var current: (String, Int, [String])?
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") {
                if let c = current { out.append((c.0, c.1, c.2.joined(separator: "\n"))); current = nil }
                else { current = (String(line.dropFirst(3)), i + 2, []) }
            } else if current != nil {
                current!.2.append(String(line))
            }
        }
        return out
    }

    func testEveryExampleReturnsWhatThePageSays() throws {
        let text = try String(contentsOfFile: Self.page, encoding: .utf8)
        let blocks = Self.blocks(text)
        let units = try XCTUnwrap(blocks.first { $0.info == "yaml fixture" }).body
        let csv = try XCTUnwrap(blocks.first { $0.info == "csv fixture" }).body
        let examples = blocks.filter { $0.info == "lua" }.map { b -> Example in
            let lines = b.body.split(separator: "\n").map(String.init)
            let expected = lines.first { $0.hasPrefix("-- → ") }.map { String($0.dropFirst(5)) } ?? "?"
            let findings = lines.filter { $0.hasPrefix("-- finding: ") }.map { String($0.dropFirst(12)) }
            return Example(line: b.line, code: b.body, expected: expected, findings: findings)
        }
        XCTAssertGreaterThanOrEqual(examples.count, 15)
        XCTAssertFalse(examples.contains { $0.expected == "?" }, "every example states its value")

        let dir = NSTemporaryDirectory() + "parcheck-luaapi-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/checks", withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        var targets = ""
        for (i, e) in examples.enumerated() {
            try e.code.write(toFile: "\(dir)/checks/ex\(i).lua", atomically: true, encoding: .utf8)
            targets += "  - {id: ex\(i), area: a, title: Ví dụ \(i), citation: LUA, measure: {check: checks/ex\(i).lua}, "
                + "params: {threshold: 2}, expect: \">= 0\", when_missing: not_applicable}\n"
        }
        let plan = """
        parcheck: plan/1
        id: lua-api
        title: Lua API examples
        document: {number: 1/KH, date: 2025-01-01, issuer: UBND, year: 2025}
        period: 2025
        assessed_kinds: [ward]
        indicators:
          - {name: cchc_plan_date, type: date, evidence: true}
          - {name: online_claimed, type: percent}
        areas:
          - {id: a, title: A}
        targets:
        \(targets)
        """
        try plan.write(toFile: dir + "/plan.yaml", atomically: true, encoding: .utf8)
        try units.write(toFile: dir + "/units.yaml", atomically: true, encoding: .utf8)
        try csv.write(toFile: dir + "/dossiers.csv", atomically: true, encoding: .utf8)

        let (loaded, diagnostics) = PlanLoader.load(path: dir)
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.description), [])
        let data = try DataLoader.load(directory: dir).get()
        let evaluation = Evaluator.evaluate(plan: try XCTUnwrap(loaded), data: data, period: try Period.parse("2025"))
        let results = try XCTUnwrap(evaluation.units.first).targets
        for (i, e) in examples.enumerated() {
            let r = results[i]
            let produced = evaluation.findings.filter { r.findingIds.contains($0.id) }
            if e.expected.hasPrefix("error: ") {
                XCTAssertEqual(r.status, .error, "LUA_API.md:\(e.line)")
                let kind = String(e.expected.dropFirst(7))
                XCTAssertTrue(produced.contains { $0.kind == .checkError && $0.message.en.contains(kind) },
                              "LUA_API.md:\(e.line): \(produced.map(\.message.en))")
                continue
            }
            XCTAssertEqual(r.value.map(Self.render), e.expected, "LUA_API.md:\(e.line)")
            for dossier in e.findings {
                XCTAssertTrue(produced.contains { $0.kind == .check && $0.dossierId == dossier }, "LUA_API.md:\(e.line): \(dossier)")
            }
        }
    }

    /// A value as the page writes it: `3`, `0.5`, `2025-03-01`, `true`, text as is.
    static func render(_ v: MeasuredValue) -> String {
        switch v {
        case .number(let x): x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
        case .date(let d): isoDate(d)
        case .bool(let b): String(b)
        case .text(let s): s
        }
    }
}
