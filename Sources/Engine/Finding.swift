import Common
import Foundation

/// What kind of problem a finding reports.
public enum FindingKind: String, Sendable, Codable, CaseIterable {
    /// A unit misses a target of the plan.
    case targetFailed = "target_failed"
    /// A dossier breaks one of the contract's dossier rules (late without apology, …).
    case violation
    /// Raised by a Lua check through `finding{…}`.
    case check
    /// A Lua check failed to run (error, timeout, memory cap, forbidden call).
    case checkError = "check_error"
    /// An accepted dossier whose dates disagree.
    case dataQuality = "data_quality"
    /// A record the data contract rejects.
    case rejectedRecord = "rejected_record"
    /// A unit's report does not match what the plan declares (missing or malformed indicator).
    case submission
}

/// One thing that is wrong, with everything an inspector needs to act on it.
///
/// A value type whose fields live in one immutable box: a province's run copies tens of thousands of findings
/// (sorted, merged, judged, listed), and copying a dozen strings retained each of them — a copy cost as much as
/// evaluating the dossier (perf, 2M dossiers). Now a copy is one retain; setting a field replaces the box.
public struct Finding: Sendable, Hashable, Codable {
    /// The stored fields, encoded and compared exactly as the finding's own properties.
    struct Fields: Sendable, Hashable, Codable {
        var id: String
        var kind: FindingKind
        var severity: DiagnosticSeverity
        var targetId: String?
        var unitId: String?
        var dossierId: String?
        var subject: String?
        var location: SourceLocation?
        var message: LocalizedText
        var value: String?
        var expected: String?
        var citation: String?
    }

    final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    /// Stable fingerprint: the same problem gets the same id in every run.
    public var id: String {
        get { box.fields.id }
        set { edit { $0.id = newValue } }
    }
    public var kind: FindingKind {
        get { box.fields.kind }
        set { edit { $0.kind = newValue } }
    }
    public var severity: DiagnosticSeverity {
        get { box.fields.severity }
        set { edit { $0.severity = newValue } }
    }
    public var targetId: String? {
        get { box.fields.targetId }
        set { edit { $0.targetId = newValue } }
    }
    public var unitId: String? {
        get { box.fields.unitId }
        set { edit { $0.unitId = newValue } }
    }
    public var dossierId: String? {
        get { box.fields.dossierId }
        set { edit { $0.dossierId = newValue } }
    }
    /// What the finding is about when it is neither a unit nor a dossier (a procedure id, an indicator name).
    public var subject: String? {
        get { box.fields.subject }
        set { edit { $0.subject = newValue } }
    }
    /// The data record it is about (file and line), or the plan location for plan-level problems.
    public var location: SourceLocation? {
        get { box.fields.location }
        set { edit { $0.location = newValue } }
    }
    public var message: LocalizedText {
        get { box.fields.message }
        set { edit { $0.message = newValue } }
    }
    public var value: String? {
        get { box.fields.value }
        set { edit { $0.value = newValue } }
    }
    public var expected: String? {
        get { box.fields.expected }
        set { edit { $0.expected = newValue } }
    }
    /// The plan section the target comes from, e.g. "I.2.a".
    public var citation: String? {
        get { box.fields.citation }
        set { edit { $0.citation = newValue } }
    }

    public init(kind: FindingKind, severity: DiagnosticSeverity, targetId: String? = nil, unitId: String? = nil,
                dossierId: String? = nil, subject: String? = nil, location: SourceLocation? = nil,
                message: LocalizedText, value: String? = nil, expected: String? = nil, citation: String? = nil) {
        let id = Fingerprint.of([kind.rawValue, targetId ?? "", unitId ?? "", dossierId ?? "", subject ?? ""])
        box = Box(Fields(id: id, kind: kind, severity: severity, targetId: targetId, unitId: unitId, dossierId: dossierId,
                         subject: subject, location: location, message: message, value: value, expected: expected,
                         citation: citation))
    }

    public init(from decoder: Decoder) throws { box = Box(try Fields(from: decoder)) }
    public func encode(to encoder: Encoder) throws { try box.fields.encode(to: encoder) }
    public static func == (a: Finding, b: Finding) -> Bool { a.box === b.box || a.box.fields == b.box.fields }
    public func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }

    private mutating func edit(_ change: (inout Fields) -> Void) {
        var fields = box.fields
        change(&fields)
        box = Box(fields)
    }
}

extension Finding: Comparable {
    /// Findings sort by unit, target, dossier, subject, then kind and id, so output never depends on evaluation order.
    public static func < (a: Finding, b: Finding) -> Bool { order(a, b) < 0 }

    /// -1, 0 or 1 as `a` sorts before, with or after `b`.
    static func order(_ a: Finding, _ b: Finding) -> Int {
        // Field by field, without building key arrays: a province's run sorts tens of thousands of findings.
        var order = bytes(a.unitId ?? "", b.unitId ?? "")
        if order == 0 { order = bytes(a.targetId ?? "", b.targetId ?? "") }
        if order == 0 { order = bytes(a.dossierId ?? "", b.dossierId ?? "") }
        if order == 0 { order = bytes(a.subject ?? "", b.subject ?? "") }
        if order == 0 { order = bytes(a.kind.rawValue, b.kind.rawValue) }
        if order == 0 { order = bytes(a.id, b.id) }
        return order
    }

    /// -1, 0 or 1 as `x` sorts before, with or after `y` by UTF-8 bytes (not by Unicode canonical equivalence,
    /// so the order never depends on the platform's Unicode tables). Compared in place with memcmp: a byte
    /// iterator was most of sorting a province's findings (perf).
    private static func bytes(_ x: String, _ y: String) -> Int {
        var x = x, y = y
        return x.withUTF8 { a in
            y.withUTF8 { b in
                let n = Swift.min(a.count, b.count)
                let c = n == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, n)
                if c != 0 { return c < 0 ? -1 : 1 }
                return a.count == b.count ? 0 : a.count < b.count ? -1 : 1
            }
        }
    }
}

extension Array where Element == Finding {
    /// Sorted (stably) by moving each finding once: sorting the findings themselves copied them at every merge
    /// step, retaining and releasing each of their strings (perf, 2M dossiers).
    public func sortedByOrder() -> [Finding] {
        withUnsafeBufferPointer { list in
            let order = list.indices.sorted { i, j in
                let o = Finding.order(list[i], list[j])
                return o < 0 || (o == 0 && i < j)
            }
            return order.map { list[$0] }
        }
    }
}

/// FNV-1a 64 over the identifying fields; chosen because it is tiny, stable across platforms and releases.
enum Fingerprint {
    static func of(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (i, part) in parts.enumerated() {
            if i > 0 { hash = (hash ^ 0x1f) &* 0x100_0000_01b3 }
            for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
