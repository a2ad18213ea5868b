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

    /// A plan with one metric target and one Lua target per script name.
    static func plan(_ scripts: [String]) -> String {
        """
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
        \(scripts.map { target($0, $0) }.joined(separator: "\n"))
        budgets: {instructions: 2000000, memory_mb: 16}
        """
    }

    static let plan = plan(["loop", "bomb", "exec", "open", "fine"])

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

/// The rest of the adversarial suite end to end: each script is contained in its own target (exactly one
/// `check_error` per unit, with the reason), and a witness check run after them all sees pristine globals.
final class AdversarialPlanTests: XCTestCase {
    /// Script name → (body of `function(ctx)`, the reason its check_error must state).
    static let scripts: [(String, String, String)] = [
        ("pattern", "return (('a'):rep(40)):find(('a*'):rep(12) .. 'b')",
         "(timeout): instruction budget exceeded (2000000) in string.find"),
        ("gsubloop", "return ('abc'):gsub('.', function() while true do end end)",
         "(timeout): instruction budget exceeded (2000000)"),
        ("handler", "return xpcall(function() while true do end end, function() while true do end end)",
         "(timeout): instruction budget exceeded (2000000)"),
        ("cstack", "local function f(s) return (s:gsub('.', f)) end\n  return f('ab')", "(runtime): stack overflow"),
        ("rep", "return #string.rep('x', 1 << 30)", "(memory): memory limit exceeded (16777216 bytes)"),
        ("dump", "return load(string.dump(function() end))", "(forbidden): forbidden: 'load' is not available"),
        ("gc", "collectgarbage('stop')\n  return 1", "(forbidden): forbidden: 'collectgarbage' is not available"),
        ("tamper", "x = 1\n  string.upper = nil\n  return 1", "(forbidden): forbidden: 'string.upper' is read-only"),
        ("strmeta", "getmetatable('').__index = {}\n  return 1", "(runtime): attempt to index a boolean value"),
    ]

    func testEachScriptIsContainedAndTheWitnessSeesPristineGlobals() throws {
        var files = [
            "plan/plan.yaml": HostileLuaTests.plan(Self.scripts.map(\.0) + ["witness"]),
            "plan/checks/witness.lua": """
                return function(ctx)
                  return (x == nil and ('a'):upper() == 'A' and string.upper ~= nil and getmetatable('') == false) and 1 or 0
                end
                """,
            "data/units.yaml": HostileLuaTests.units,
            "data/dossiers.csv": HostileLuaTests.dossiers,
        ]
        for (name, body, _) in Self.scripts { files["plan/checks/\(name).lua"] = "return function(ctx)\n  \(body)\nend\n" }
        let dir = try Fixture.write(files)
        var run = CheckRun(plan: dir + "/plan", data: dir + "/data")
        run.format = .json
        let outcome = run.run()
        XCTAssertEqual(outcome.exitCode, 1, outcome.stderr)
        let doc = try Fixture.json(outcome.stdout)
        let errors = try XCTUnwrap(doc["findings"] as? [[String: Any]]).filter { $0["kind"] as? String == "check_error" }
        for (name, _, reason) in Self.scripts {
            let mine = errors.filter { $0["target"] as? String == name }
            XCTAssertEqual(mine.compactMap { $0["unit"] as? String }.sorted(), ["A", "B"], name)
            for finding in mine {
                XCTAssertTrue((finding["message"] as? String ?? "").contains(reason), "\(name): \(finding["message"] ?? "")")
            }
        }
        XCTAssertEqual(errors.count, 2 * Self.scripts.count, "nothing but the hostile targets failed")
        for unit in try XCTUnwrap(doc["units"] as? [[String: Any]]) {
            let targets = (unit["targets"] as? [[String: Any]] ?? [])
            let status = Dictionary(uniqueKeysWithValues: targets.map { ($0["id"] as? String ?? "", $0["status"] as? String ?? "") })
            XCTAssertEqual(status["witness"], "pass", "\(unit["id"] ?? "")")
            XCTAssertNotEqual(status["on_time"], "error")
        }
    }
}
