import Common
import LocatedYAML

/// A rule-test file (`parcheck: test/1`, e.g. `Rules/<plan>/tests/*.yaml`): cases that evaluate the plan on small
/// fixture data and state what must come out — the model of `opa test` and OpenFisca's YAML tests.
struct RuleTestFile {
    var path: String
    /// The plan under test (resolved path).
    var plan: String
    var cases: [RuleTestCase]
}

/// One case: a period, fixture data, and the expected outcome.
struct RuleTestCase {
    var name: String
    var location: SourceLocation
    var period: String?
    var asOf: String?
    /// A data directory, resolved against the test file.
    var dataDirectory: String?
    /// Inline units (the `units` node, written out as JSON for the loader).
    var units: YAMLNode?
    /// Inline dossiers: CSV text, or a list of records.
    var dossiers: YAMLNode?
    var expectations: [TargetExpectation]
    var findings: [FindingExpectation]
    var absentFindings: [FindingExpectation]
    /// Records the data contract must reject.
    var rejected: Int?
}

/// What one unit's result for one target must be; unset fields are not checked.
struct TargetExpectation {
    var unit: String
    var target: String
    var status: String?
    var value: ExpectedValue?
    var points: Double?
    var max: Double?
    var band: Int?
    var location: SourceLocation
}

/// A value as written in a test: a number (or percentage), a date, a boolean, or `null` for no value.
enum ExpectedValue: Equatable {
    case number(Double)
    case date(DayNumber)
    case bool(Bool)
    case none

    var text: String {
        switch self {
        case .number(let x): String(x)
        case .date(let d): isoDate(d)
        case .bool(let b): String(b)
        case .none: "null"
        }
    }
}

/// A finding that must (or must not) be produced; unset fields match anything.
struct FindingExpectation {
    var kind: String?
    var target: String?
    var unit: String?
    var dossier: String?
    var severity: String?
    var location: SourceLocation
}
