/// What a command produced: text for stdout and stderr and the process exit code.
public struct Outcome: Sendable, Equatable {
    public var stdout: String
    public var stderr: String
    public var exitCode: Int32

    public init(stdout: String = "", stderr: String = "", exitCode: Int32 = ExitCode.ok) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
    }
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
}

/// Output format of `check` and `metrics`.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json
}
