import Common

/// A unit under assessment (data contract §Units), as accepted from a units file.
public struct Unit: Sendable, Hashable {
    /// Unique unit id (mã đơn vị).
    public var id: String
    /// Vietnamese name.
    public var name: String
    /// What kind of unit it is.
    public var kind: UnitKind
    /// The id of the unit above it, nil when empty or absent.
    public var parent: String?
    /// Reported figures by indicator name; raw text kept, the Engine types them against the plan.
    public var indicators: [String: IndicatorValue]
    /// Roles the unit holds (vai trò), e.g. `so_noi_vu`: plans assign appendix tasks to the body in charge
    /// (đơn vị chủ trì) by role. Sorted, no duplicates; an extension of the data contract's unit record.
    public var roles: [String] = []
    /// Where the unit is written.
    public var location: SourceLocation
    /// Position in `DataSet.units` (dossiers refer to units by this index).
    public var index: Int32

    /// Makes a unit.
    public init(id: String, name: String, kind: UnitKind, parent: String?, indicators: [String: IndicatorValue],
                location: SourceLocation, index: Int32) {
        self.id = id; self.name = name; self.kind = kind; self.parent = parent
        self.indicators = indicators; self.location = location; self.index = index
    }
}

/// One reported indicator value, untyped: its text plus the readings that are unambiguous.
public struct IndicatorValue: Sendable, Hashable {
    /// The text as written; nil for null or empty.
    public var raw: String?
    /// The value as a plain decimal number (`12`, `-3.5`, `1e3`), when it is one.
    public var number: Double?
    /// The value as a contract bool, when it is one.
    public var bool: Bool?
    /// Where the value is written.
    public var location: SourceLocation
    /// The document that proves it, if reported.
    public var evidence: Evidence?

    /// Makes a value; `number` and `bool` are derived from `raw`.
    public init(raw: String?, location: SourceLocation, evidence: Evidence? = nil) {
        let text = raw.map { $0.trimmingSpacesAndTabs() }
        self.raw = (text?.isEmpty ?? true) ? nil : text
        number = self.raw.flatMap(IndicatorValue.plainNumber)
        bool = self.raw.flatMap { ContractBool.parse($0) }
        self.location = location
        self.evidence = evidence
    }

    /// A finite decimal in JSON number syntax (optional minus, digits, fraction, exponent); nil otherwise.
    /// `Double("1e999")` is infinity, which a `>= 90%` target would pass: out of range is not a number.
    static func plainNumber(_ text: String) -> Double? {
        guard let value = anyPlainNumber(text), value.isFinite else { return nil }
        return value
    }

    /// `plainNumber` without the finiteness check.
    private static func anyPlainNumber(_ text: String) -> Double? {
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39),
              text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 | 0x20 == 0x65 })
        else { return nil }
        return Double(text)
    }

    /// Whether `text` spells a number that is not finite: a word for infinity or NaN (`inf`, `Infinity`, YAML's
    /// `.inf` and `.nan`, any case, signed) or a numeral too large for a double (`1e999`, 400 digits), also with
    /// a decimal comma or a `%` sign. Such text must never be read as a figure.
    public static func spellsNonFiniteNumber(_ text: String) -> Bool {
        // A short value with no ASCII letter is finite or not a number (an overflow needs an exponent or some
        // 300 digits): most reported figures end here, before any lowercasing or parsing.
        let utf8 = text.utf8
        if utf8.count < 300 && !utf8.contains(where: { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) { return false }
        var t = text.trimmingSpacesAndTabs().lowercased()
        if t.hasSuffix("%") { t.removeLast() }
        if t.hasPrefix("+") || t.hasPrefix("-") { t.removeFirst() }
        if ["inf", "infinity", "nan", ".inf", ".nan"].contains(t) { return true }
        let numeral = String(t.map { $0 == "," ? "." : $0 })
        return anyPlainNumber(numeral).map { !$0.isFinite } ?? false
    }
}

/// Number and date of the document proving an indicator.
public struct Evidence: Sendable, Hashable {
    /// Document number (số hiệu văn bản).
    public var number: String?
    /// The document date, when it parses as a contract date.
    public var date: DateValue?
    /// The date as written (also when it does not parse).
    public var dateText: String?

    /// Makes evidence.
    public init(number: String?, date: DateValue?, dateText: String?) {
        self.number = number; self.date = date; self.dateText = dateText
    }
}

/// Whether a rejected record was a dossier or a unit.
public enum RecordKind: String, Sendable, Hashable, Codable {
    case dossier, unit
}

/// A record that was read but left out: where it is, which fields failed and why.
public struct Rejection: Sendable, Hashable {
    /// The physical line the record begins on, or (JSON, YAML dossiers) its 1-based record index.
    public var location: SourceLocation
    /// Every failing field found, in column order; empty for a mis-shaped or mis-quoted CSV row.
    public var fields: [String]
    /// Why, in English; one clause per problem, joined by "; ".
    public var reason: String
    /// Stable code of the first problem: `missing-field`, `bad-value`, `unknown-unit`, `duplicate-id`,
    /// `duplicate-key`, `csv-shape`, `csv-quote`, `bad-header`, `not-a-record`, `bad-json`.
    public var code: String
    /// The record's id, when it had one.
    public var id: String?
    /// Dossier or unit.
    public var record: RecordKind

    /// Makes a rejection.
    public init(location: SourceLocation, fields: [String], reason: String, code: String, id: String?,
                record: RecordKind = .dossier) {
        self.location = location; self.fields = fields; self.reason = reason
        self.code = code; self.id = id; self.record = record
    }
}

/// An accepted dossier whose dates disagree; it stays in the metrics.
public struct QualityIssue: Sendable, Hashable {
    /// What disagrees.
    public enum Kind: String, Sendable, Hashable, Codable {
        case resolvedBeforeReceived = "resolved_before_received"
        case dueBeforeReceived = "due_before_received"
    }
    /// Row in the `DossierStore`.
    public var row: Int
    /// The dossier's id.
    public var dossierId: String
    /// What disagrees.
    public var kind: Kind
    /// Where the dossier is written.
    public var location: SourceLocation

    /// Makes an issue.
    public init(row: Int, dossierId: String, kind: Kind, location: SourceLocation) {
        self.row = row; self.dossierId = dossierId; self.kind = kind; self.location = location
    }
}
