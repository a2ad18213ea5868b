/// A place in an input file: 1-based line and column. Column 0 means "the whole line";
/// for JSON and YAML data records `line` holds the record's 1-based index and `isRecordIndex` is set.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public var file: String
    public var line: Int
    public var column: Int
    public var isRecordIndex: Bool

    public init(file: String, line: Int, column: Int = 0, isRecordIndex: Bool = false) {
        self.file = file
        self.line = line
        self.column = column
        self.isRecordIndex = isRecordIndex
    }

    /// `file:line:col`, with `col` omitted when unknown.
    public var description: String {
        column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
