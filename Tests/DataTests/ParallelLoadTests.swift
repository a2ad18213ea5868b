import Common
@testable import Data
import XCTest

/// Reading in parallel chunks gives exactly what one sequential reading gives — the same rows, rejections,
/// lines, quality issues and metrics — whatever the chunk size, thread count or file order.
final class ParallelLoadTests: XCTestCase {
    /// A CSV with every hard case for chunk boundaries: quoted fields across lines (and across many chunks),
    /// escaped quotes, CRLF and LF, blank lines, quoting and shape errors, duplicates, unknown units, times,
    /// fractions, non-ASCII values and an extra column.
    static let hardCSV = #"""
    id,unit_id,received_at,due_at,resolved_at,channel,digitized,note\#r
    A1,U1,2025-01-02,2025-01-10,2025-01-05,online,có,plain\#r
    A2,U2,2/1/2025,10/1/2025,,direct,không,"a, b ""quoted""\#r
    more, lines
    and ""more"""\#r

    A3,U1,2025-01-02T10:00:00.50+07:00,2025-01-10,2025-01-02 09:59:59.5,postal,1," padded "
    \#t \#r
    A4,U9,2025-01-02,2025-01-10,,online,0,unknown unit
    A1,U1,2025-01-02,2025-01-10,,online,0,duplicate of an accepted one
    B1,U1,"x"y,2025-01-10,,online,0,quote error
    B1,U2,2025-01-02,2025-01-10,,online,0,duplicate of a rejected one
    C1,U1,2025-01-02
    C1,U1,2025-01-02,2025-01-10,,online,0,"duplicate of a short row
    spanning lines"
    D1,U1,2025-03-05,2025-03-04,2025-03-01,online,TRUE,dates disagree
    E1,U2,bad,worse,,fax,maybe,every field wrong
    F1,U1,2025-01-02,2025-01-10,,online,0,"unterminated
    G1,U1,2025-01-02,2025-01-10,,online,0,never read
    """#

    private func options(_ workers: Int, _ chunk: Int, _ overrun: Int) -> LoadOptions {
        LoadOptions(workers: workers, chunkBytes: chunk, overrunBytes: overrun)
    }

    func testEveryChunkingOfAHardFileReadsLikeOneSequentialPass() throws {
        let f = Fixture()
        f.write("units.yaml", Fixture.units)
        f.write("dossiers.csv", Self.hardCSV)
        let reference = try dump(f.dir, LoadOptions(workers: 1, chunkBytes: 1 << 30))
        XCTAssertTrue(reference.contains { $0.hasPrefix("row A3") }, "the reference read rows at all")
        XCTAssertTrue(reference.contains { $0.contains("csv-quote") })
        var general = LoadOptions(workers: 1, chunkBytes: 1 << 30)
        general.fastPath = false
        XCTAssertEqual(try dump(f.dir, general), reference, "the fast path and the general one agree")
        for chunk in [1, 2, 3, 5, 8, 13, 21, 40, 77, 150] {
            for overrun in [1, 4, 1 << 20] {
                for workers in [1, 3] {
                    XCTAssertEqual(try dump(f.dir, options(workers, chunk, overrun)), reference,
                                   "chunk \(chunk), overrun \(overrun), workers \(workers)")
                }
            }
        }
    }

    func testRandomFilesReadTheSameInChunks() throws {
        var rng = HostileInputTests.Rng(state: 2025)
        let pieces = ["A1", "A2", "U1", "U2", "2025-01-02", "1/2/2025", "online", ",", ",", ",", ",", "\"", "\"\"", "\n",
                      "\n", "\r\n", "\r", " ", "\t", "có", "x", "2025-01-02T10:00Z"]
        for round in 0..<150 {
            var text = minimalHeader + "\n"
            for _ in 0..<Int(rng.next() % 120) { text += rng.pick(pieces) }
            let f = Fixture()
            f.write("units.yaml", Fixture.units)
            f.write("dossiers.csv", text)
            let reference = try dump(f.dir, LoadOptions(workers: 1, chunkBytes: 1 << 30))
            let chunk = 1 + Int(rng.next() % 20)
            XCTAssertEqual(try dump(f.dir, options(2, chunk, 1 + Int(rng.next() % 8))), reference, "round \(round)")
            var general = LoadOptions(workers: 1, chunkBytes: 1 << 30)
            general.fastPath = false
            XCTAssertEqual(try dump(f.dir, general), reference, "round \(round): the general path agrees")
        }
    }

    func testJSONLinesReadTheSameInChunks() throws {
        let f = Fixture()
        f.write("units.yaml", Fixture.units)
        f.write("dossiers.jsonl", """
        {"id":"J1","unit_id":"U1","received_at":"2025-01-02","due_at":"2025-01-03","channel":"online","note":"x"}

        {"id":"J2","unit_id":"U2","received_at":"2025-01-02T08:00Z","due_at":"2025-01-03","channel":"direct"}
        not json
        {"id":"J1","unit_id":"U1","received_at":"2025-01-02","due_at":"2025-01-03","channel":"online"}
        [1, 2]
        {"id":"J3","unit_id":"U1","received_at":"2025-01-02","due_at":"2025-01-03","channel":"fax"}
        """)
        let reference = try dump(f.dir, LoadOptions(workers: 1, chunkBytes: 1 << 30))
        XCTAssertEqual(reference.filter { $0.hasPrefix("row") }.count, 2)
        for chunk in [1, 7, 50, 120] {
            XCTAssertEqual(try dump(f.dir, options(3, chunk, 1)), reference, "chunk \(chunk)")
        }
    }

    func testFileOrderGivenNeverChangesTheResult() throws {
        let f = Fixture()
        let units = f.write("units.yaml", Fixture.units)
        let files = [
            f.write("dossiers/a.csv", "\(minimalHeader)\nX1,U1,2025-01-02,2025-01-10,online\nX2,U2,2025-01-02,2025-01-10,direct"),
            f.write("dossiers/b.jsonl", #"{"id":"X2","unit_id":"U1","received_at":"2025-01-02","due_at":"2025-01-03","channel":"online"}"#),
            f.write("dossiers/c.yaml", "- {id: X3, unit_id: U2, received_at: 2025-01-02, due_at: 2025-01-04, channel: postal}"),
            f.write("dossiers_d.json", #"[{"id":"X1","unit_id":"U1","received_at":"2025-01-02","due_at":"2025-01-03","channel":"online"}]"#),
        ]
        func read(_ order: [String], _ workers: Int) throws -> [String] {
            switch DataLoader.load(unitsFiles: [units], dossierFiles: order, options: options(workers, 16, 2)) {
            case .success(let data): return lines(data)
            case .failure(let e): throw e
            }
        }
        let reference = try read(files, 1)
        XCTAssertEqual(reference.filter { $0.contains("duplicate-id") }.count, 2)
        XCTAssertEqual(try read(files.reversed(), 4), reference)
        XCTAssertEqual(try read([files[2], files[0], files[3], files[1]], 2), reference)
    }

    func testMetricsAreTheSameForAnyThreadCountAndChunking() throws {
        let f = Fixture()
        f.write("units.yaml", Fixture.units)
        var csv = "id,unit_id,received_at,due_at,resolved_at,channel,synced_to_portal,apology_issued,closed_at,satisfaction\n"
        for i in 0..<3_000 {  // ids out of order, so the violation lists have to be sorted
            let id = "D\((i * 7_919) % 3_000)"
            let day = 1 + i % 28, late = i % 5 == 0
            csv += "\(id),U\(1 + i % 2),2025-02-\(day),2025-03-\(day),\(late ? "2025-04-01" : "2025-03-0\(1 + i % 9)"),"
                + "\(i % 3 == 0 ? "online" : "direct"),\(i % 4),\(i % 7 == 0 ? 1 : 0),\(i % 11 == 0 ? "2025-02-28" : ""),\(i % 6)\n"
        }
        f.write("dossiers.csv", csv)
        let period = try Period.parse("2025", asOf: "2025-03-15")
        let reference = MetricsCalculator.compute(try load(f.dir, LoadOptions(workers: 1, chunkBytes: 1 << 30)),
                                                  period: period, workers: 1)
        XCTAssertGreaterThan(reference.total.violations[.lateWithoutApology]?.count ?? 0, 100)
        var general = LoadOptions(workers: 1, chunkBytes: 1 << 30)
        general.fastPath = false
        XCTAssertEqual(try dump(f.dir, general), try dump(f.dir, LoadOptions(workers: 1, chunkBytes: 1 << 30)),
                       "the fast path stores exactly what the general one does")
        for (workers, chunk) in [(2, 4_096), (3, 997), (8, 64)] {
            let data = try load(f.dir, options(workers, chunk, 1 << 20))
            XCTAssertEqual(MetricsCalculator.compute(data, period: period, workers: workers), reference, "\(workers) workers")
        }
    }

    func testCanonicallyEquivalentIdsAreDuplicatesAndUnitIdsMatch() throws {
        let f = Fixture()
        let units = "units:\n  - {id: \"Đ\u{0041}\u{0306}\", name: decomposed, kind: commune}\n"  // "ĐĂ", Ă decomposed
        let csv = "\(minimalHeader)\nK1,\u{0110}\u{0102},2025-01-02,2025-01-10,online\n\u{212A}1,\u{0110}\u{0102},2025-01-02,2025-01-10,online\n"
            + "\u{0102}x,\u{0110}\u{0102},2025-01-02,2025-01-10,online\nA\u{0306}x,\u{0110}\u{0102},2025-01-02,2025-01-10,online\n"
        f.write("units.yaml", units)
        f.write("dossiers.csv", csv)
        let data = try load(f.dir, options(2, 30, 1))
        XCTAssertEqual(data.ids, ["K1", "\u{0102}x"], "a precomposed unit id names the decomposed unit")
        XCTAssertEqual(data.rejected.map(\.code), ["duplicate-id", "duplicate-id"], "U+212A is K; Ă is A + U+0306")
    }

    // MARK: - Helpers

    private func load(_ dir: String, _ options: LoadOptions) throws -> DataSet {
        switch DataLoader.load(directory: dir, options: options) {
        case .success(let data): return data
        case .failure(let e): throw e
        }
    }

    private func dump(_ dir: String, _ options: LoadOptions) throws -> [String] { lines(try load(dir, options)) }

    /// Everything a data set says, one line per row, rejection and quality issue.
    private func lines(_ data: DataSet) -> [String] {
        let s = data.dossiers
        var out = ["inputs \(data.inputs)", "files \(data.files)"]
        for r in 0..<s.count {
            let dates = [s.received, s.due, s.resolved, s.closed].map { $0.value(r).map { "\($0)" } ?? "-" }
            let extras = s.extras.map { "\($0.name)=\($0.column.string(r) ?? "-")" }
            out.append("row \(s.ids.string(r) ?? "-") \(s.unit[r]) \(s.procedureId.string(r) ?? "-") \(s.field.string(r) ?? "-") "
                       + "\(dates) \(s.channel[r]) \(s.flags[r]) \(s.satisfaction[r]) \(extras) \(s.location(r))")
        }
        for r in data.rejected { out.append("rejected \(r.location) \(r.fields) \(r.code) \(r.id ?? "-") \(r.reason)") }
        for q in data.quality { out.append("quality \(q.row) \(q.dossierId) \(q.kind) \(q.location)") }
        for u in 0..<data.units.count { out.append("unit \(u) \(s.rows(ofUnit: u))") }
        return out
    }
}
