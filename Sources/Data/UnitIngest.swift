import Common

/// The fields of one unit record as read, before the contract's unit rules are applied.
struct UnitDraft {
    var id: String?
    var name: String?
    var kind: String?
    var parent: String?
    var roles: [String] = []
    var indicators: [String: IndicatorValue] = [:]
    var location: SourceLocation
    /// Problems found while reading the record's shape (e.g. a list where the name should be).
    var problems = Problems()
}

/// Applies the unit rules (id and name present, a known kind, unique id among all unit records) and collects
/// accepted units, rejections and warnings.
struct UnitIngest {
    var units: [Unit] = []
    var rejected: [Rejection] = []
    var warnings: [Diagnostic] = []
    var read = 0
    private var seen: [String: SourceLocation] = [:]

    /// Accepts or rejects one unit record.
    mutating func add(_ draft: UnitDraft) {
        read += 1
        var problems = draft.problems
        func present(_ value: String?, _ field: String) -> String? {
            let v = value?.trimmingSpacesAndTabs() ?? ""
            if v.isEmpty && !problems.fields.contains(field) {
                problems.add(field, "missing-field", "\(field) is \(value == nil ? "missing" : "empty")")
            }
            return v.isEmpty ? nil : v
        }
        let id = present(draft.id, "id")
        if let id {
            if let earlier = seen[id] {
                problems.add("id", "duplicate-id", "id '\(id)' was already used by the unit at \(earlier)")
            } else { seen[id] = draft.location }
        }
        let name = present(draft.name, "name")
        var kind: UnitKind?
        if let text = present(draft.kind, "kind") {
            kind = UnitKind(rawValue: text)
            if kind == nil {
                let all = UnitKind.allCases.map(\.rawValue).joined(separator: ", ")
                problems.add("kind", "bad-value", "kind '\(text)' is not one of \(all)")
            }
        }
        guard problems.code == nil, let id, let name, let kind else {
            rejected.append(Rejection(location: draft.location, fields: problems.fields,
                                      reason: problems.clauses.joined(separator: "; "), code: problems.code ?? "bad-value",
                                      id: id, record: .unit))
            return
        }
        let parent = draft.parent?.trimmingSpacesAndTabs()
        var unit = Unit(id: id, name: name, kind: kind, parent: (parent?.isEmpty ?? true) ? nil : parent,
                        indicators: finite(draft.indicators), location: draft.location, index: Int32(units.count))
        unit.roles = Array(Set(draft.roles.map { $0.trimmingSpacesAndTabs() }.filter { !$0.isEmpty })).sorted()
        units.append(unit)
    }

    /// The indicators with every non-finite number (`1e999`, `.inf`, `nan`) dropped, each with a located `bad-value`
    /// warning: typed as a figure it would pass any `>=` target. The unit itself stays; its evidence is kept.
    private mutating func finite(_ indicators: [String: IndicatorValue]) -> [String: IndicatorValue] {
        let bad = indicators.filter { $0.value.raw.map(IndicatorValue.spellsNonFiniteNumber) ?? false }
        guard !bad.isEmpty else { return indicators }
        var out = indicators
        for (name, value) in bad.sorted(by: { $0.key < $1.key }) {  // sorted: warnings in a stable order
            guard let raw = value.raw else { continue }
            warn(value.location, "bad-value", "indicator '\(name)' value '\(raw)' is not a finite number; ignored")
            out[name] = IndicatorValue(raw: nil, location: value.location, evidence: value.evidence)
        }
        return out
    }

    /// Rejects a record that could not be read as fields (bad CSV shape or quoting); its id still counts
    /// for the duplicate rule.
    mutating func reject(_ location: SourceLocation, code: String, reason: String, id: String?) {
        read += 1
        let id = id?.trimmingSpacesAndTabs()
        if let id, !id.isEmpty, seen[id] == nil { seen[id] = location }
        rejected.append(Rejection(location: location, fields: [], reason: reason, code: code,
                                  id: (id?.isEmpty ?? true) ? nil : id, record: .unit))
    }

    /// Notes a problem that rejects nothing.
    mutating func warn(_ at: SourceLocation, _ code: String, _ message: String) {
        warnings.append(Diagnostic(at, .warning, code: code, message))
    }

    /// Evidence from its written parts; nil when both are empty. An unparsable date is kept as text, with a warning.
    mutating func evidence(number: String?, dateText: String?, at: SourceLocation, indicator: String) -> Evidence? {
        let number = number?.trimmingSpacesAndTabs(), dateText = dateText?.trimmingSpacesAndTabs()
        let n = (number?.isEmpty ?? true) ? nil : number, t = (dateText?.isEmpty ?? true) ? nil : dateText
        guard n != nil || t != nil else { return nil }
        let date = t.flatMap { DateValue.parse($0) }
        if let t, date == nil {
            warn(at, "bad-evidence-date", "evidence date '\(t)' of indicator '\(indicator)' is not a date")
        }
        return Evidence(number: n, date: date, dateText: t)
    }
}
