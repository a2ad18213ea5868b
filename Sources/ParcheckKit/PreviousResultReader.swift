import Common
import Engine
import Foundation

/// Reads a `parcheck.result/1` file written by an earlier `parcheck check --format json` as a `PreviousResult`.
public enum PreviousResultReader {
    public static func read(path: String) -> Result<PreviousResult, Diagnostic> {
        let at = SourceLocation(file: path, line: 1, column: 1)
        guard let bytes = FileManager.default.contents(atPath: path) else {
            return .failure(Diagnostic(at, code: "io-error", "cannot read the previous result '\(path)'"))
        }
        guard let root = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any] else {
            return .failure(Diagnostic(at, code: "bad-previous", "'\(path)' is not a JSON object"))
        }
        guard root["schema"] as? String == "parcheck.result/1" else {
            return .failure(Diagnostic(at, code: "bad-previous",
                                       "'\(path)' is not a parcheck result (expected \"schema\": \"parcheck.result/1\")"))
        }
        let plan = (root["plan"] as? [String: Any])?["id"] as? String ?? ""
        let window = root["period"] as? [String: Any]
        let period = "\(window?["start"] as? String ?? "")..\(window?["end"] as? String ?? "")"
        var units: [String: PreviousResult.UnitFigures] = [:]
        for case let unit as [String: Any] in root["units"] as? [Any] ?? [] {
            guard let id = unit["id"] as? String else { continue }
            units[id] = figures(unit)
        }
        let findings = (root["findings"] as? [Any] ?? []).compactMap { ($0 as? [String: Any])?["id"] as? String }
        return .success(PreviousResult(file: path, planId: plan, period: period, units: units, findingIds: Set(findings)))
    }

    /// A unit's numeric target values, index and rank.
    static func figures(_ unit: [String: Any]) -> PreviousResult.UnitFigures {
        var values: [String: Double] = [:]
        for case let target as [String: Any] in unit["targets"] as? [Any] ?? [] {
            // JSON booleans also bridge to NSNumber (type code "c"); only real numbers are figures.
            guard let id = target["id"] as? String, let n = target["value"] as? NSNumber,
                  String(cString: n.objCType) != "c" else { continue }
            values[id] = n.doubleValue
        }
        let index = (unit["score"] as? [String: Any])?["index"] as? NSNumber
        return PreviousResult.UnitFigures(values: values, index: index?.doubleValue, rank: (unit["rank"] as? NSNumber)?.intValue)
    }
}
