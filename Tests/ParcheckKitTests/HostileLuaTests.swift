import Foundation
import ParcheckKit
import XCTest

/// A bad script is a finding, never a crash: loops, memory bombs and forbidden calls each become one `check_error`.
final class HostileLuaTests: XCTestCase {
    static let units = """
    units:
      - {id: A, name: Xã A, kind: commune}
      - {id: B, name: Phường B, kind: ward}
    """
    static let dossiers = """
    id,unit_id,received_at,due_at,resolved_at,channel
    D1,A,2025-03-01,2025-03-05,2025-03-04,online
    D2,A,2025-03-02,2025-03-05,2025-03-09,direct
    D3,B,2025-03-02,2025-03-05,2025-03-05,online
    """

    static func target(_ id: String, _ script: String) -> String {
        """
          - id: \(id)
            area: a
            title: \(id)
            citation: I.1
            measure: {check: checks/\(script).lua}
            expect: ">= 1"
            points: 1
        """
    }

    static let plan = """
    parcheck: plan/1
    id: hostile
    title: Hostile scripts
    document: {number: 1/KH, date: 2025-01-01, issuer: test, year: 2025}
    period: {start: 2025-01-01, end: 2025-12-31}
    assessed_kinds: [commune, ward]
    areas:
      - {id: a, title: A}
    targets:
      - id: on_time
        area: a
        title: on time
        citation: I.2
        measure: {metric: on_time_rate}
        expect: ">= 98%"
        points: 1
    \(target("loop", "loop"))
    \(target("bomb", "bomb"))
    \(target("exec", "exec"))
    \(target("open", "open"))
    \(target("fine", "fine"))
    budgets: {instructions: 2000000, memory_mb: 16}
    """

    func testEachHostileScriptBecomesOneCheckErrorPerUnit() throws {
        let dir = try Fixture.write([
            "plan/plan.yaml": Self.plan,
            "plan/checks/loop.lua": "return function(ctx)\n  while true do end\nend\n",
            "plan/checks/bomb.lua": "return function(ctx)\n  local t = {}\n  while true do t[#t + 1] = string.rep('x', 4096) end\nend\n",
            "plan/checks/exec.lua": "return function(ctx)\n  os.execute('touch /tmp/parcheck-pwned')\n  return 1\nend\n",
            "plan/checks/open.lua": "return function(ctx)\n  local f = io.open('/etc/passwd')\n  return 1\nend\n",
            "plan/checks/fine.lua": "return function(ctx)\n  return dossier_count()\nend\n",
            "data/units.yaml": Self.units,
            "data/dossiers.csv": Self.dossiers,
        ])
        var run = CheckRun(plan: dir + "/plan", data: dir + "/data")
        run.format = .json
        let outcome = run.run()
        XCTAssertEqual(outcome.exitCode, 1, outcome.stderr)
        let doc = try Fixture.json(outcome.stdout)
        let findings = try XCTUnwrap(doc["findings"] as? [[String: Any]])
        let errors = findings.filter { $0["kind"] as? String == "check_error" }
        for target in ["loop", "bomb", "exec", "open"] {
            let mine = errors.filter { $0["target"] as? String == target }
            XCTAssertEqual(Set(mine.compactMap { $0["unit"] as? String }), ["A", "B"], target)
            let location = mine.first?["location"] as? [String: Any]
            XCTAssertEqual(location?["file"] as? String, dir + "/plan/checks/\(target).lua")
            XCTAssertNotNil(location?["line"] as? Int, target)
        }
        let messages = Dictionary(grouping: errors, by: { $0["target"] as? String ?? "" })
            .mapValues { ($0.first?["message"] as? String) ?? "" }
        XCTAssertTrue(messages["loop"]?.contains("timeout") == true, messages["loop"] ?? "")
        XCTAssertTrue(messages["bomb"]?.contains("memory") == true, messages["bomb"] ?? "")
        XCTAssertTrue(messages["exec"]?.contains("forbidden") == true, messages["exec"] ?? "")
        XCTAssertTrue(messages["open"]?.contains("forbidden") == true, messages["open"] ?? "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/parcheck-pwned"))

        // Every other target was still evaluated for both units.
        let units = try XCTUnwrap(doc["units"] as? [[String: Any]])
        for unit in units {
            let targets = Dictionary(uniqueKeysWithValues: (unit["targets"] as? [[String: Any]] ?? [])
                .map { ($0["id"] as? String ?? "", $0["status"] as? String ?? "") })
            XCTAssertEqual(targets["fine"], "pass")
            XCTAssertEqual(targets["loop"], "error")
            XCTAssertNotEqual(targets["on_time"], "error")
        }
        let a = units.first { $0["id"] as? String == "A" }
        let onTime = (a?["targets"] as? [[String: Any]])?.first { $0["id"] as? String == "on_time" }
        XCTAssertEqual(onTime?["status"] as? String, "fail", "D2 resolved late: 1 of 2 on time")
        XCTAssertEqual(onTime?["value"] as? Double, 0.5)
    }
}
