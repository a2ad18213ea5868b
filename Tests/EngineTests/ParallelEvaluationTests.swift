import Common
import Data
import Engine
import Foundation
import Plan
import XCTest

/// Evaluating units in parallel (one Lua state per worker) gives byte-identical results to one thread, whatever
/// the number of workers, the chunking of the data files and the order the files are given in.
final class ParallelEvaluationTests: XCTestCase {
    private static let targets = """
      - {id: t.on_time, area: a, title: Đúng hạn, citation: "1", measure: {metric: on_time_rate}, expect: ">= 90%", points: 1}
      - {id: t.late, area: a, title: Trễ hạn, citation: "2", measure: {violations: late_without_apology}, expect: "== 0", points: 1}
      - {id: t.sync, area: a, title: Đồng bộ, citation: "3", measure: {violations: not_synced}, expect: "== 0", points: 1}
      - {id: t.lua, area: a, title: Lua, citation: "4", measure: {check: checks/slow.lua}, expect: ">= 50%", points: 1}
    """
    /// Reads four fields of every dossier and names some dossiers in findings.
    private static let script = """
    return function(ctx)
      local n, ok = 0, 0
      for d in dossiers() do
        if d.channel == "online" and d.received_at >= ctx.period.start then
          n = n + 1
          if d.resolved_at and d.resolved_at <= d.due_at then ok = ok + 1
          elseif n % 7 == 0 then finding{message = "late " .. d.id, dossier = d} end
        end
      end
      if n == 0 then return nil end
      return {value = ok / n, numerator = ok, denominator = n}
    end
    """

    func testResultsAreIdenticalForAnyWorkerCountChunkingAndFileOrder() throws {
        let dir = try planDirectory(wards: 12)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/dossiers", withIntermediateDirectories: true)
        var files: [String] = []
        for part in 0..<3 {
            var csv = "id,unit_id,received_at,due_at,resolved_at,channel,apology_issued,synced_to_portal\n"
            for i in 0..<1_500 {
                let n = part * 1_500 + i
                let id = "D\((n * 7_919) % 4_500)"  // ids out of order across files and units
                csv += "\(id),W\((n * 5) % 12),2025-03-\(1 + n % 28),2025-04-\(1 + n % 28),"
                    + "\(n % 9 == 0 ? "" : "2025-04-\(1 + (n * 3) % 28)"),\(n % 3 == 0 ? "direct" : "online"),\(n % 4 == 0),\(n % 5 != 0)\n"
            }
            let path = dir + "/dossiers/part\(part).csv"
            try csv.write(toFile: path, atomically: true, encoding: .utf8)
            files.append(path)
        }
        let (loaded, diagnostics) = PlanLoader.load(path: dir)
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.description), [])
        let plan = try XCTUnwrap(loaded)
        let period = try Period.parse("2025")
        func run(_ order: [String], workers: Int, chunk: Int) throws -> Data {
            let data = try DataLoader.load(unitsFiles: [dir + "/units.yaml"], dossierFiles: order,
                                           options: LoadOptions(workers: workers, chunkBytes: chunk, overrunBytes: 64)).get()
            var options = EvaluationOptions()
            options.workers = workers
            let evaluation = Evaluator.evaluate(plan: plan, data: data, period: period, options: options)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return try encoder.encode(Result(units: evaluation.units, findings: evaluation.findings, metrics: (evaluation.metrics.perUnit + [evaluation.metrics.total]).map(canonical)))
        }
        let reference = try run(files, workers: 1, chunk: 1 << 30)
        let text = String(decoding: reference, as: UTF8.self)
        XCTAssertTrue(text.contains("\"late D"), "the Lua check named dossiers")
        XCTAssertTrue(text.contains("late_without_apology") || text.contains("violation"))
        XCTAssertEqual(try run(files, workers: 4, chunk: 1 << 30), reference, "4 workers")
        XCTAssertEqual(try run(files.reversed(), workers: 3, chunk: 997), reference, "files reversed, chunked")
        XCTAssertEqual(try run([files[1], files[2], files[0]], workers: 2, chunk: 64), reference, "files shuffled")
    }

    /// The progress hook hears of every unit once, from any worker, ending at (n, n); the result does not change.
    func testProgressCountsEveryUnitOnce() throws {
        let dir = try planDirectory(wards: 9)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let plan = try XCTUnwrap(PlanLoader.load(path: dir).plan)
        let data = try DataLoader.load(unitsFiles: [dir + "/units.yaml"], dossierFiles: []).get()
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var calls: [(Int, Int)] = []
        }
        let seen = Seen()
        var options = EvaluationOptions(workers: 3)
        options.progress = { done, total in seen.lock.lock(); seen.calls.append((done, total)); seen.lock.unlock() }
        let evaluation = Evaluator.evaluate(plan: plan, data: data, period: try Period.parse("2025"), options: options)
        XCTAssertEqual(evaluation.units.count, 9)
        XCTAssertEqual(seen.calls.map(\.0).sorted(), Array(1...9))
        XCTAssertTrue(seen.calls.allSatisfy { $0.1 == 9 })
    }

    /// A temporary directory with the plan, its Lua check and `wards` ward units.
    private func planDirectory(wards: Int) throws -> String {
        let dir = NSTemporaryDirectory() + "parcheck-parallel-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/checks", withIntermediateDirectories: true)
        try Self.script.write(toFile: dir + "/checks/slow.lua", atomically: true, encoding: .utf8)
        try plan().write(toFile: dir + "/plan.yaml", atomically: true, encoding: .utf8)
        var units = "units:\n"
        for u in 0..<wards { units += "  - {id: W\(u), name: Phường \(u), kind: ward}\n" }
        try units.write(toFile: dir + "/units.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    private struct Result: Encodable {
        let units: [UnitEvaluation]
        let findings: [Finding]
        let metrics: [String]
    }

    /// Metrics in a fixed order (a dictionary's description order is not).
    private func canonical(_ m: UnitMetrics) -> String {
        let ratios = MetricName.allCases.map { "\($0.rawValue)=\(m.ratios[$0].map { "\($0.numerator)/\($0.denominator)" } ?? "-")" }
        let violations = ViolationKind.allCases.map { "\($0.rawValue)=\(m.violations[$0] ?? [])" }
        return "\(ratios) \(m.received) \(m.resolved) \(violations)"
    }

    private func plan() -> String {
        """
        parcheck: plan/1
        id: parallel
        title: Parallel test plan
        document: {number: 1/KH-UBND, date: 2025-01-02, issuer: UBND, year: 2025}
        period: {start: 2025-01-01, end: 2025-12-31}
        assessed_kinds: [ward]
        areas:
          - {id: a, title: A}
        targets:
        \(Self.targets)
        classification:
          - {min: 90, label: Tốt}
          - {min: 0, label: Yếu}
        ranking:
          - {id: local, title: Địa phương, kinds: [ward]}
        """
    }
}
