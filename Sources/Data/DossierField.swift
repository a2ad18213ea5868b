/// The dossier fields of the data contract, in the contract's order.
enum DossierField: Int, CaseIterable, Sendable {
    case id, unitId, procedureId, field, receivedAt, dueAt, resolvedAt, channel
    case fullyOnline, digitized, eResult, dataReused, feeRequired, paidOnline, synced, apology
    case closedAt, satisfaction

    /// The column / key name in data files.
    var name: String { Self.names[rawValue] }

    /// What the field holds, which decides how it is parsed.
    enum Kind { case text, date, channel, flag, rating }

    var kind: Kind {
        switch self {
        case .id, .unitId, .procedureId, .field: .text
        case .receivedAt, .dueAt, .resolvedAt, .closedAt: .date
        case .channel: .channel
        case .satisfaction: .rating
        default: .flag
        }
    }

    /// Fields a record must have, non-empty.
    var isRequired: Bool { self == .id || self == .unitId || self == .receivedAt || self == .dueAt || self == .channel }

    private static let names = ["id", "unit_id", "procedure_id", "field", "received_at", "due_at", "resolved_at", "channel",
                                "fully_online", "digitized", "e_result", "data_reused", "fee_required", "paid_online",
                                "synced_to_portal", "apology_issued", "closed_at", "satisfaction"]
    private static let byName: [String: DossierField] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })

    /// The field a column or key name means, nil for a name not in the contract (kept as an extra column).
    static func named(_ name: String) -> DossierField? { byName[name] }
}

/// Where one column's value goes: a contract field, an extra column (index into `DossierColumns.extraNames`),
/// or nowhere (a CSV column with an empty header name).
enum Slot: Sendable, Hashable {
    case known(DossierField)
    case extra(Int)
    case skip
}

/// Small scalar parsers on bytes.
enum ValueParse {
    /// `online`/`direct`/`postal`, ignoring ASCII case; nil otherwise.
    @inline(__always) static func channel(_ b: UnsafeRawBufferPointer) -> UInt8? {
        guard b.count == 6 else { return nil }
        var key: UInt64 = 0
        for i in 0..<6 { let c = b[i]; key = key << 8 | UInt64((c >= 0x41 && c <= 0x5A) ? c | 0x20 : c) }
        switch key {
        case 0x6F6E_6C69_6E65: return ChannelCode.online  // "online", byte by byte
        case 0x6469_7265_6374: return ChannelCode.direct  // "direct"
        case 0x706F_7374_616C: return ChannelCode.postal  // "postal"
        default: return nil
        }
    }

    /// Exactly one of `1`…`5`; nil otherwise.
    static func rating(_ b: UnsafeRawBufferPointer) -> UInt8? {
        guard b.count == 1, b[0] >= 0x31, b[0] <= 0x35 else { return nil }
        return b[0] - 0x30
    }

    /// The bytes without surrounding spaces and tabs.
    @inline(__always) static func trimmed(_ b: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard b.count > 0, b[0] == 0x20 || b[0] == 0x09 || b[b.count - 1] == 0x20 || b[b.count - 1] == 0x09 else { return b }
        var lo = 0, hi = b.count
        while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
        return UnsafeRawBufferPointer(rebasing: b[lo..<hi])
    }

    /// The value's text, shortened for messages.
    static func quoted(_ b: UnsafeRawBufferPointer) -> String {
        let text = String(decoding: b, as: UTF8.self)
        return "'" + (text.count > 60 ? String(text.prefix(60)) + "…" : text) + "'"
    }
}
