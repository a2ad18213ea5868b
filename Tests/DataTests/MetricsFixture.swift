import Common
@testable import Data
import XCTest

/// One hand-made dossier for metric tests; unset flags are false, unset dates absent.
struct D {
    var id: String
    var unit = "U1"
    var received = "2025-06-01"
    var due = "2025-06-10"
    var resolved = ""
    var channel = "online"
    var flags: Set<String> = []
    var closed = ""
    var satisfaction = ""

    static let flagNames = ["fully_online", "digitized", "e_result", "data_reused", "fee_required", "paid_online",
                            "synced_to_portal", "apology_issued"]
    static let header = "id,unit_id,received_at,due_at,resolved_at,channel," + flagNames.joined(separator: ",")
        + ",closed_at,satisfaction"

    var csvRow: String {
        ([id, unit, received, due, resolved, channel] + D.flagNames.map { flags.contains($0) ? "1" : "0" }
            + [closed, satisfaction]).joined(separator: ",")
    }
}

/// Loads the dossiers (all must be accepted) and computes metrics for `period`.
func metrics(_ dossiers: [D], period: String, asOf: String? = nil, file: StaticString = #filePath,
             line: UInt = #line) throws -> (DataSet, MetricsReport) {
    let f = Fixture()
    let csv = ([D.header] + dossiers.map(\.csvRow)).joined(separator: "\n")
    let data = try XCTUnwrap(f.load(dossiers: "dossiers.csv", csv, file: file, line: line), file: file, line: line)
    XCTAssertEqual(data.rejected, [], file: file, line: line)
    let p = try Period.parse(period, asOf: asOf)
    return (data, MetricsCalculator.compute(data, period: p))
}

extension UnitMetrics {
    /// `numerator/denominator` of a metric, e.g. "2/3".
    func frac(_ m: MetricName) -> String {
        guard let r = ratios[m] else { return "missing" }
        return "\(r.numerator)/\(r.denominator)"
    }
}

extension DataSet {
    /// The ids of rows, in the given order.
    func ids(_ rows: [Int32]?) -> [String] { (rows ?? []).map { dossiers.ids.string(Int($0)) ?? "?" } }
}
