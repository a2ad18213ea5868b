/// How bad a diagnostic is.
public enum DiagnosticSeverity: String, Sendable, Comparable, Codable {
    case note, warning, error

    private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// An error or warning about an input (plan, script, data file), as a value with a location.
/// Rendered as `file:line:col: error: code: message`. Codes are stable, kebab-case, and documented.
public struct Diagnostic: Error, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var severity: DiagnosticSeverity
    public var code: String
    public var message: String

    public init(_ location: SourceLocation, _ severity: DiagnosticSeverity = .error, code: String, _ message: String) {
        self.location = location
        self.severity = severity
        self.code = code
        self.message = message
    }

    public var description: String { "\(location): \(severity.rawValue): \(code): \(message)" }

    /// Sorted by location, then code and message, so output never depends on discovery order.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        return (a.code, a.message) < (b.code, b.message)
    }
}

/// Collects diagnostics instead of stopping at the first; `sorted` gives them in a stable order.
public struct DiagnosticBag: Sendable {
    public private(set) var all: [Diagnostic] = []
    public init() {}
    public mutating func add(_ d: Diagnostic) { all.append(d) }
    public mutating func add(contentsOf ds: [Diagnostic]) { all.append(contentsOf: ds) }
    public mutating func error(_ at: SourceLocation, _ code: String, _ message: String) {
        all.append(Diagnostic(at, .error, code: code, message))
    }
    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var sorted: [Diagnostic] { Array(Set(all)).sorted() }
}
