import Common

/// A value that holds between two dates (giá trị có hiệu lực theo thời gian): a threshold or a weight a later
/// document changed. The period evaluated selects the value in force on its last day.
public struct InForce<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The value.
    public var value: Value
    /// First day it holds; nil = since always.
    public var from: DayNumber?
    /// Last day it holds; nil = until further notice.
    public var until: DayNumber?
    /// The document that set it (e.g. `3090/QĐ-UBND`); nil = the plan's own document.
    public var source: String?
    /// The entry's node.
    public var location: SourceLocation

    /// Makes an entry.
    public init(value: Value, from: DayNumber?, until: DayNumber?, source: String?, location: SourceLocation) {
        self.value = value
        self.from = from
        self.until = until
        self.source = source
        self.location = location
    }

    /// Whether the value holds on `day`.
    public func holds(on day: DayNumber) -> Bool {
        (from.map { $0 <= day } ?? true) && (until.map { day <= $0 } ?? true)
    }

    /// `2022-01-01..2024-12-31`, `2025-01-01..`, `..2024-12-31` or `always`, for messages and traces.
    public var rangeText: String {
        if from == nil && until == nil { return "always" }
        return (from.map(isoDate) ?? "") + ".." + (until.map(isoDate) ?? "")
    }
}

extension Array {
    /// The entry in force on `day`, the first one when several hold (plans are checked to have none overlapping).
    public func inForce<V>(on day: DayNumber) -> InForce<V>? where Element == InForce<V> {
        first { $0.holds(on: day) }
    }
}

extension TargetSpec {
    /// This target as it stands on `day`: its dated thresholds and points replaced by those in force;
    /// nil when a dated value has no entry in force on that day (the target does not apply then).
    public func inForce(on day: DayNumber) -> TargetSpec? {
        var target = self
        if !expectSchedule.isEmpty {
            guard let entry = expectSchedule.inForce(on: day) else { return nil }
            target.expect = entry.value
            target.expectSource = entry.source
        }
        if !pointsSchedule.isEmpty {
            guard let entry = pointsSchedule.inForce(on: day) else { return nil }
            target.points = entry.value
        }
        return target
    }
}
