import Common
import Engine

/// An inspector's acceptance of a known problem (miễn trừ): which findings it covers, who accepted it, why, and until
/// which day. Read from `waivers.yaml`; every field it names must match, so `unit: X` alone covers all of X's findings.
public struct Waiver: Sendable, Hashable {
    /// Optional name, shown in reports.
    public var id: String?
    /// What it matches; nil matches anything. At least one is set (the reader enforces it).
    public var target: String?
    public var unit: String?
    public var dossier: String?
    /// A finding id (fingerprint), for one exact finding.
    public var finding: String?
    /// Who accepted it and why.
    public var by: String
    public var reason: String
    /// Last day the waiver holds (inclusive); from the next day on it is expired.
    public var until: DayNumber
    /// The waiver's entry in the waivers file.
    public var location: SourceLocation

    public init(id: String? = nil, target: String? = nil, unit: String? = nil, dossier: String? = nil,
                finding: String? = nil, by: String, reason: String, until: DayNumber, location: SourceLocation) {
        self.id = id
        self.target = target
        self.unit = unit
        self.dossier = dossier
        self.finding = finding
        self.by = by
        self.reason = reason
        self.until = until
        self.location = location
    }

    /// Whether every field the waiver names equals the finding's.
    public func matches(_ f: Finding) -> Bool {
        func same(_ want: String?, _ have: String?) -> Bool { want == nil || want == have }
        return same(target, f.targetId) && same(unit, f.unitId) && same(dossier, f.dossierId) && same(finding, f.id)
    }

    /// Whether the waiver still holds on `day`.
    public func isActive(on day: DayNumber) -> Bool { day <= until }

    /// `target=tthc.on_time unit=SNV`, for messages.
    public var scope: String {
        [("finding", finding), ("target", target), ("unit", unit), ("dossier", dossier)]
            .compactMap { key, value in value.map { "\(key)=\($0)" } }.joined(separator: " ")
    }
}

/// How the waivers of a run applied: each finding's waiver, and each waiver's state.
public struct WaiverReview: Sendable {
    /// A waiver's state on the judging day.
    public enum State: String, Sendable {
        /// Matches findings and holds: they are shown as waived and do not fail the gate.
        case active
        /// Matches findings but its day has passed: they fail again and are reported as expired.
        case expired
        /// Matches no finding of the run (fixed, or mistyped): reported so it can be removed.
        case unmatched
    }

    /// How a finding stands against the waivers.
    public enum Standing: Sendable, Equatable {
        case open
        case waived(Int)
        case expired(Int)

        /// Index of the waiver in `waivers`, if one applies.
        public var waiver: Int? {
            switch self {
            case .open: nil
            case .waived(let i), .expired(let i): i
            }
        }
    }

    public var waivers: [Waiver]
    /// The day waivers were judged on.
    public var today: DayNumber
    /// The waivers file, as given.
    public var file: String?
    /// Standing by finding id; findings absent here are open.
    public var standings: [String: Standing]
    /// Findings each waiver matched, in `waivers` order.
    public var matched: [Int]

    /// No waivers at all.
    public static func none(today: DayNumber) -> WaiverReview {
        WaiverReview(waivers: [], today: today, file: nil, standings: [:], matched: [])
    }

    /// Applies `waivers` to `findings` on `today`. A finding takes the first active waiver that matches it; when only
    /// expired ones match, the first of those, so the report can say whose acceptance lapsed.
    public static func apply(_ waivers: [Waiver], file: String?, to findings: [Finding], today: DayNumber) -> WaiverReview {
        var standings: [String: Standing] = [:]
        var matched = Array(repeating: 0, count: waivers.count)
        for finding in findings {
            let hits = waivers.indices.filter { waivers[$0].matches(finding) }
            for i in hits { matched[i] += 1 }
            if let active = hits.first(where: { waivers[$0].isActive(on: today) }) {
                standings[finding.id] = .waived(active)
            } else if let lapsed = hits.first {
                standings[finding.id] = .expired(lapsed)
            }
        }
        return WaiverReview(waivers: waivers, today: today, file: file, standings: standings, matched: matched)
    }

    public func standing(_ f: Finding) -> Standing { standings[f.id] ?? .open }

    public func state(_ i: Int) -> State {
        matched[i] == 0 ? .unmatched : waivers[i].isActive(on: today) ? .active : .expired
    }

    /// Findings shown as waived, and findings whose waiver expired.
    public var waivedCount: Int { standings.values.filter { if case .waived = $0 { true } else { false } }.count }
    public var expiredCount: Int { standings.values.filter { if case .expired = $0 { true } else { false } }.count }
}
