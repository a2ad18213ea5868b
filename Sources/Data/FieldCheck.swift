import Common

/// Parses one present field of a dossier record into its draft, or notes why it fails.
enum FieldCheck {
    /// Bits (by `DossierField.rawValue`) of the required fields.
    static let requiredMask: UInt32 = 0b1011_0011  // id, unit_id, received_at, due_at, channel

    @inline(__always)
    static func check(_ f: DossierField, _ b: UnsafeRawBufferPointer, _ env: IngestEnv, _ v: inout RowDraft,
                      _ problems: inout Problems, _ fractions: FractionTexts) {
        guard b.count > 0 else {
            if f.isRequired { problems.add(f.name, "missing-field", "\(f.name) is empty") }
            return
        }
        switch f {
        case .id: v.id = b; v.hasId = true
        case .unitId:
            if let u = env.units.index(of: b) { v.unit = u } else {
                problems.add(f.name, "unknown-unit", "unit_id \(ValueParse.quoted(b)) names no unit")
            }
        case .procedureId: v.procedure = OptionalText(bytes: b, count: b.count)
        case .field: v.field = OptionalText(bytes: b, count: b.count)
        case .receivedAt: date(f, b, &v.received, &problems, fractions, env.months)
        case .dueAt: date(f, b, &v.due, &problems, fractions, env.months)
        case .resolvedAt: date(f, b, &v.resolved, &problems, fractions, env.months)
        case .closedAt: date(f, b, &v.closed, &problems, fractions, env.months)
        case .channel:
            guard let c = ValueParse.channel(b) else {
                return problems.add(f.name, "bad-value", "channel \(ValueParse.quoted(b)) is not online, direct or postal")
            }
            v.channel = c
        case .satisfaction:
            guard let r = ValueParse.rating(b) else {
                return problems.add(f.name, "bad-value", "satisfaction \(ValueParse.quoted(b)) is not one of 1, 2, 3, 4, 5")
            }
            v.satisfaction = r
        default:
            guard let t = FastScalars.bool(b) else {
                return problems.add(f.name, "bad-value",
                                    "\(f.name) \(ValueParse.quoted(b)) is not a bool (true/false, 1/0, yes/no, có/không)")
            }
            if t { v.flags |= 1 << UInt8(f.rawValue - DossierField.fullyOnline.rawValue) }
        }
    }

    @inline(__always)
    private static func date(_ f: DossierField, _ b: UnsafeRawBufferPointer, _ out: inout Stamp, _ problems: inout Problems,
                             _ fractions: FractionTexts, _ months: MonthTable) {
        if let s = FastScalars.date(b, fractions, months) { out = s; return }
        problems.add(f.name, "bad-value", "\(f.name) \(ValueParse.quoted(b)) is not a date "
                     + "(YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM] or D/M/YYYY)")
    }
}

/// Unit ids to unit indices. Byte-equal ids are found without making a `String`; anything else falls back to
/// `String` equality (canonical equivalence), which is what the contract's "names a unit" has always meant.
final class UnitLookup: Sendable {
    private let table = ByteInterner()
    private let byString: [String: Int32]
    private let allASCII: Bool

    init(_ units: [Unit]) {
        byString = Dictionary(units.map { ($0.id, $0.index) }, uniquingKeysWith: { a, _ in a })
        allASCII = units.allSatisfy { $0.id.utf8.allSatisfy { $0 < 0x80 } }
        for u in units {
            var id = u.id
            _ = id.withUTF8 { [table] in table.code(UnsafeRawBufferPointer($0)) }
        }
    }

    /// The index of the unit `b` names, nil if none.
    @inline(__always) func index(of b: UnsafeRawBufferPointer) -> Int32? {
        if let c = table.find(b) { return Int32(c) - 1 }
        if allASCII && DossierKey.isASCII(b) { return nil }
        return byString[String(decoding: b, as: UTF8.self)]
    }
}
