import Common

/// A comparison operator of an expectation.
public enum Comparator: String, Sendable, Hashable, CaseIterable {
    /// `>=` (also written `≥`).
    case greaterOrEqual = ">="
    /// `>`.
    case greater = ">"
    /// `<=` (also written `≤`).
    case lessOrEqual = "<="
    /// `<`.
    case less = "<"
    /// `==`.
    case equal = "=="
    /// `!=` (also written `≠`).
    case notEqual = "!="

    /// `a OP b` for ordered values.
    public func compare<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .greaterOrEqual: a >= b
        case .greater: a > b
        case .lessOrEqual: a <= b
        case .less: a < b
        case .equal: a == b
        case .notEqual: a != b
        }
    }
}

/// A value an expectation compares against (and a measured value compared with it).
public enum ExpectValue: Sendable, Hashable {
    /// A number; percentages are fractions (98% = 0.98).
    case number(Double)
    /// A calendar day.
    case date(DayNumber)
    /// A yes/no claim.
    case bool(Bool)

    /// The type's name for messages: "number", "date" or "true/false".
    public var typeName: String {
        switch self {
        case .number: "number"
        case .date: "date"
        case .bool: "true/false"
        }
    }
}

/// A threshold such as `>= 98%`: `value OP threshold` must hold.
public struct Expectation: Sendable, Hashable {
    /// The operator.
    public var op: Comparator
    /// The threshold.
    public var value: ExpectValue
    /// The expectation as written in the plan, trimmed (e.g. `>= 98,5%`).
    public var text: String
    /// The node it was read from.
    public var location: SourceLocation

    /// Makes an expectation.
    public init(op: Comparator, value: ExpectValue, text: String, location: SourceLocation) {
        self.op = op
        self.value = value
        self.text = text
        self.location = location
    }

    /// Whether `measured OP value` holds; nil when the types differ (or when ordering booleans).
    /// Numbers compare exactly: a ratio computed as `49.0 / 50.0` is the same double as the literal `98%`.
    public func holds(_ measured: ExpectValue) -> Bool? {
        switch (measured, value) {
        case (.number(let a), .number(let b)): return op.compare(a, b)
        case (.date(let a), .date(let b)): return op.compare(a, b)
        case (.bool(let a), .bool(let b)):
            switch op {
            case .equal: return a == b
            case .notEqual: return a != b
            default: return nil
            }
        default: return nil
        }
    }
}

/// A target's thresholds: one for every unit kind, or different ones per kind (chỉ tiêu theo cấp).
public struct ExpectationSet: Sendable, Hashable {
    /// The threshold for kinds without their own.
    public var `default`: Expectation?
    /// Thresholds of particular kinds.
    public var byKind: [UnitKind: Expectation]

    /// Makes a set.
    public init(default: Expectation?, byKind: [UnitKind: Expectation] = [:]) {
        self.default = `default`
        self.byKind = byKind
    }

    /// The threshold in force for `kind`: its own, else the default; nil when neither exists.
    public func forKind(_ kind: UnitKind) -> Expectation? { byKind[kind] ?? self.default }

    /// Every expectation: the default first, then per kind in kind-name order (deterministic).
    public var all: [Expectation] {
        (self.default.map { [$0] } ?? []) + byKind.keys.sorted().compactMap { byKind[$0] }
    }
}
