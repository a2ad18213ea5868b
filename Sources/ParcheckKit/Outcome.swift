import Foundation

/// What a command produced: text for stdout and stderr, files for `--output-dir`, and the process exit code.
public struct Outcome: Sendable, Equatable {
    /// The UTF-8 bytes for stdout. Kept as bytes: a province's JSON result runs to tens of megabytes, and turning
    /// it into a `String` and back cost more than writing it (phase timings, 2M dossiers).
    public var stdoutBytes: [UInt8]
    public var stderr: String
    public var exitCode: Int32
    /// Reports to write into the output directory, by file name, in format order.
    public var files: [OutputFile]

    public init(stdout: String = "", stderr: String = "", exitCode: Int32 = ExitCode.ok, files: [OutputFile] = []) {
        self.init(stdoutBytes: Array(stdout.utf8), stderr: stderr, exitCode: exitCode, files: files)
    }

    public init(stdoutBytes: [UInt8], stderr: String = "", exitCode: Int32 = ExitCode.ok, files: [OutputFile] = []) {
        self.stdoutBytes = stdoutBytes
        self.stderr = stderr
        self.exitCode = exitCode
        self.files = files
    }

    /// The text for stdout.
    public var stdout: String {
        get { String(decoding: stdoutBytes, as: UTF8.self) }
        set { stdoutBytes = Array(newValue.utf8) }
    }

    /// Writes `files` into `directory`, creating it; each file is written whole (atomically) or not at all.
    public func write(into directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for file in files {
            try Data(file.bytes).write(to: URL(fileURLWithPath: directory + "/" + file.name), options: .atomic)
        }
    }
}

/// One report file: its name in the output directory and its UTF-8 text.
public struct OutputFile: Sendable, Equatable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, text: String) { self.init(name: name, bytes: Array(text.utf8)) }

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// The file's text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// The documented exit codes.
public enum ExitCode {
    /// Everything ran; no finding at or above `--fail-on`.
    public static let ok: Int32 = 0
    /// Findings at or above `--fail-on`.
    public static let findings: Int32 = 1
    /// Invalid plan, data or usage: nothing was evaluated.
    public static let invalid: Int32 = 2
}

/// When a run counts as failed.
public enum FailOn: String, Sendable, CaseIterable {
    case error, warning, never
    /// Only regressions since `--previous`: new error findings, and findings whose waiver expired.
    case new
}

/// Output format of `metrics` and `explain`.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json
}

/// Report formats of `check`; several at once with `--output-dir`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, html, csv, sarif, junit, markdown

    /// The files a format writes into the output directory (CSV writes two sheets).
    public var fileNames: [String] {
        switch self {
        case .text: ["report.txt"]
        case .json: ["result.json"]
        case .html: ["report.html"]
        case .csv: ["scoreboard.csv", "findings.csv"]
        case .sarif: ["result.sarif"]
        case .junit: ["junit.xml"]
        case .markdown: ["summary.md"]
        }
    }

    /// `html,sarif,junit` → the formats in the order given, each once; nil when a name is unknown or none is given.
    public static func list(_ text: String) -> [ReportFormat]? {
        var formats: [ReportFormat] = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let format = ReportFormat(rawValue: name) else { return nil }
            if !formats.contains(format) { formats.append(format) }
        }
        return formats.isEmpty ? nil : formats
    }
}
