import Common
@testable import Data
import Foundation
import XCTest

/// A temporary data directory, removed when the fixture goes away.
final class Fixture {
    let dir: String

    init() {
        dir = NSTemporaryDirectory() + "parcheck-data-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    /// Writes `text` (exact bytes, no newline conversion) to `name` under the directory; returns the path.
    @discardableResult
    func write(_ name: String, _ text: String) -> String { write(name, bytes: Array(text.utf8)) }

    /// Writes raw bytes.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> String {
        let path = dir + "/" + name
        let parent = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// Two units: U1 (department) and U2 (commune).
    static let units = """
    units:
      - {id: U1, name: Sở Tư pháp, kind: department}
      - {id: U2, name: Xã An Bình, kind: commune, parent: U1}
    """

    /// Writes the default units and one dossier file, loads the directory, and fails the test on a load error.
    func load(dossiers name: String, _ text: String, units: String = Fixture.units,
              file: StaticString = #filePath, line: UInt = #line) -> DataSet? {
        write("units.yaml", units)
        write(name, text)
        switch DataLoader.load(directory: dir) {
        case .success(let data): return data
        case .failure(let f): XCTFail("load failed: \(f)", file: file, line: line); return nil
        }
    }

    /// The load failure's diagnostics (fails the test if loading succeeded).
    func failure(file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        switch DataLoader.load(directory: dir) {
        case .success: XCTFail("expected a load failure", file: file, line: line); return []
        case .failure(let f): return f.diagnostics
        }
    }
}

extension DataSet {
    /// Accepted dossier ids in row order.
    var ids: [String] { (0..<dossiers.count).map { dossiers.ids.string($0) ?? "<nil>" } }

    /// The rejection of the record with `id`.
    func rejection(_ id: String) -> Rejection? { rejected.first { $0.id == id } }

    /// `read == accepted + rejected`, and the counts match the lists.
    func assertCountsConsistent(file: StaticString = #filePath, line: UInt = #line) {
        let dossierRejections = rejected.filter { $0.record == .dossier }.count
        XCTAssertEqual(inputs.dossiersRead, inputs.accepted + inputs.rejected, file: file, line: line)
        XCTAssertEqual(inputs.accepted, dossiers.count, file: file, line: line)
        XCTAssertEqual(inputs.rejected, dossierRejections, file: file, line: line)
        XCTAssertEqual(inputs.unitsRead, inputs.unitsAccepted + inputs.unitsRejected, file: file, line: line)
    }
}

/// The minimal valid dossier CSV header.
let minimalHeader = "id,unit_id,received_at,due_at,channel"
