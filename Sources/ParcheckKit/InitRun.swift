import Common
import Foundation
import Plan

/// `parcheck init NEW_DIR --from PLAN`: starts next year's (or another body's) plan as a layer over an existing
/// one, so it begins identical and records only what it changes.
public struct InitRun: Sendable {
    public var directory: String
    public var from: String
    public var id: String?
    public var year: Int?

    public init(directory: String, from: String) {
        self.directory = directory
        self.from = from
    }

    public func run() -> Outcome {
        let (base, diagnostics) = PlanLoader.load(path: from)
        guard let base, !diagnostics.contains(where: { $0.severity == .error }) else {
            return Outcome(stderr: Inputs.render(diagnostics), exitCode: ExitCode.invalid)
        }
        let file = directory + "/plan.yaml"
        guard !FileManager.default.fileExists(atPath: file) else {
            return invalid("exists", "'\(file)' already exists; parcheck init never overwrites a plan")
        }
        let year = year ?? base.document.year + 1
        let text = Self.plan(base: base, extends: relative(from: directory, to: base.file),
                             id: id ?? Self.nextId(base.id, year: year), year: year, directory: directory)
        do {
            try FileManager.default.createDirectory(atPath: directory + "/tests", withIntermediateDirectories: true)
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        } catch {
            return invalid("io-error", "cannot write '\(file)': \(error)")
        }
        return Outcome(stdout: "created \(file) (extends \(base.file)); edit what differs, then: parcheck validate \(directory)\n")
    }

    /// The new plan: its own identity and period, everything else inherited.
    static func plan(base: Plan, extends path: String, id: String, year: Int, directory: String) -> String {
        """
        # Plan for \(year), built on \(base.document.number) (\(base.id)): every target, indicator and area is inherited
        # from the plan it extends. Write here only what changes — a target's new threshold (`- {id: X, expect: …}`),
        # a dropped target (`- {id: X, drop: true}`), new targets — and give the new document's number and date.
        # `parcheck explain \(directory) TARGET` shows which file set each value.
        parcheck: plan/1
        extends: \(path)
        id: \(id)
        title: \(base.title.replacingOccurrences(of: String(base.document.year), with: String(year)))
        document:
          number: "…"                    # số văn bản
          date: \(year)-01-01         # ngày ban hành
          issuer: \(base.document.issuer)
          year: \(year)
        period: "\(year)"
        targets: []

        """
    }

    /// `lam-dong-2025` → `lam-dong-2026`; otherwise the id with the year appended.
    static func nextId(_ id: String, year: Int) -> String {
        if let dash = id.lastIndex(of: "-"), Int(id[id.index(after: dash)...]) != nil {
            return id[..<dash] + "-\(year)"
        }
        return "\(id)-\(year)"
    }

    /// A path from `directory` to `file` when both are relative to the same place, else `file` made absolute.
    func relative(from directory: String, to file: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        func parts(_ p: String) -> [Substring] {
            (p.hasPrefix("/") ? p : cwd + "/" + p).split(separator: "/").filter { $0 != "." }
        }
        let a = parts(directory), b = parts(file)
        let common = zip(a, b).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: a.count - common) + b[common...].map(String.init)).joined(separator: "/")
    }

    func invalid(_ code: String, _ message: String) -> Outcome {
        Outcome(stderr: Inputs.render([Diagnostic(SourceLocation(file: "<command line>", line: 1), code: code, message)]),
                exitCode: ExitCode.invalid)
    }
}
