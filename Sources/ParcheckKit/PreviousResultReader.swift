import Common
import Engine
import Foundation
import Report

/// Reads a `parcheck.result/1` file written by an earlier `parcheck check --format json`: as a `PreviousResult` (the
/// baseline of `compare: {previous: …}` targets), and with its findings as a `PreviousRun` (the run comparison).
public enum PreviousResultReader {
    public static func read(path: String) -> Result<PreviousResult, Diagnostic> {
        readRun(path: path).map(\.result)
    }

    /// The baseline and the earlier run's findings, so resolved ones can be listed with their message.
    public static func readRun(path: String) -> Result<PreviousRun, Diagnostic> {
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
        let findings = (root["findings"] as? [Any] ?? []).compactMap { ($0 as? [String: Any]).flatMap(finding) }
        let result = PreviousResult(file: path, planId: plan, period: period, units: units,
                                    findingIds: Set(findings.map(\.id)))
        return .success(PreviousRun(result: result, findings: findings))
    }

    /// A finding as written; one without an id cannot be compared and is left out.
    static func finding(_ f: [String: Any]) -> PreviousRun.FindingRecord? {
        guard let id = f["id"] as? String else { return nil }
        return PreviousRun.FindingRecord(id: id, kind: f["kind"] as? String ?? "", severity: f["severity"] as? String ?? "",
                                         target: f["target"] as? String, unit: f["unit"] as? String,
                                         dossier: f["dossier"] as? String, message: f["message"] as? String ?? "",
                                         citation: f["citation"] as? String)
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
