import Common

/// How many records were read, accepted and rejected. `read == accepted + rejected` always.
public struct InputCounts: Sendable, Hashable {
    /// Dossier records read (every CSV row, JSONL line, JSON element, YAML item).
    public var dossiersRead = 0
    /// Dossiers accepted into the store.
    public var accepted = 0
    /// Dossiers rejected.
    public var rejected = 0
    /// Unit records read.
    public var unitsRead = 0
    /// Units accepted.
    public var unitsAccepted = 0
    /// Units rejected.
    public var unitsRejected = 0

    /// All zero.
    public init() {}
}

/// Everything loaded from a data directory: units, dossiers and what was left out.
public struct DataSet: Sendable {
    /// Accepted units; `units[i].index == i`.
    public var units: [Unit]
    /// Accepted dossiers, columnar.
    public var dossiers: DossierStore
    /// Rejected dossier and unit records, in file order then record order.
    public var rejected: [Rejection]
    /// Data-quality findings about accepted dossiers.
    public var quality: [QualityIssue]
    /// Record counts.
    public var inputs: InputCounts
    /// Files read, in the order read (byte-wise sorted paths, unit files first).
    public var files: [String]
    /// Files present in the directory but not data files.
    public var ignoredFiles: [String]
    /// Warnings that did not reject anything (e.g. an ignored unit key, an unparsable evidence date, a dossier
    /// file with no records).
    public var warnings: [Diagnostic]

    /// Makes a data set.
    public init(units: [Unit], dossiers: DossierStore, rejected: [Rejection], quality: [QualityIssue],
                inputs: InputCounts, files: [String], ignoredFiles: [String], warnings: [Diagnostic] = []) {
        self.units = units; self.dossiers = dossiers; self.rejected = rejected; self.quality = quality
        self.inputs = inputs; self.files = files; self.ignoredFiles = ignoredFiles; self.warnings = warnings
    }

    /// The index of the unit with `id`, if any.
    public func unitIndex(of id: String) -> Int? { units.firstIndex { $0.id == id } }
}

/// Why data could not be loaded at all: every file-level error found (missing or empty units file, unreadable
/// file, bad encoding, malformed JSON/YAML document), as diagnostics.
public struct LoadFailure: Error, Sendable, CustomStringConvertible {
    /// The errors, sorted.
    public var diagnostics: [Diagnostic]

    /// Makes a failure.
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted() }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
