import Common
import Foundation
import LocatedYAML

/// `parcheck fmt [PATH…] [--check]`: normalises the layout of plan YAML files (see `YAMLFormatter`), or with
/// `check` only reports the files that are not formatted, for CI.
public struct FormatRun: Sendable {
    /// YAML files, or directories searched for `*.yaml` / `*.yml`.
    public var paths: [String]
    /// Report instead of rewriting; exit 1 when a file would change.
    public var check = false

    public init(paths: [String]) { self.paths = paths }

    public func run() -> Outcome {
        let files = Self.discover(paths)
        guard !files.isEmpty else {
            let d = Diagnostic(SourceLocation(file: "<command line>", line: 1), code: "no-yaml",
                               "no YAML files under \(paths.joined(separator: ", "))")
            return Outcome(stderr: Inputs.render([d]), exitCode: ExitCode.invalid)
        }
        var out = "", errors: [Diagnostic] = [], changed = 0
        for path in files {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                errors.append(Diagnostic(SourceLocation(file: path, line: 1), code: "unreadable", "cannot read the file as UTF-8"))
                continue
            }
            switch YAMLFormatter.format(text, file: path) {
            case .failure(let d): errors.append(d)
            case .success(let formatted) where formatted != text:
                changed += 1
                if check {
                    out += "\(path):\(Self.firstDifference(text, formatted)): not formatted (parcheck fmt rewrites it)\n"
                } else if (try? Data(formatted.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)) != nil {
                    out += "formatted \(path)\n"
                } else {
                    errors.append(Diagnostic(SourceLocation(file: path, line: 1), code: "unwritable", "cannot write the file"))
                }
            case .success: break
            }
        }
        out += check ? "\(changed) of \(files.count) files not formatted\n" : "\(changed) of \(files.count) files formatted\n"
        let code = !errors.isEmpty ? ExitCode.invalid : (check && changed > 0 ? ExitCode.findings : ExitCode.ok)
        return Outcome(stdout: out, stderr: Inputs.render(errors), exitCode: code)
    }

    /// The 1-based line where two texts first differ.
    static func firstDifference(_ a: String, _ b: String) -> Int {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false)
        let y = b.split(separator: "\n", omittingEmptySubsequences: false)
        return (Array(zip(x, y)).firstIndex { $0 != $1 } ?? min(x.count, y.count)) + 1
    }

    /// The YAML files named or found under the directories (hidden directories skipped), sorted.
    static func discover(_ paths: [String]) -> [String] {
        YAMLFiles.find(paths) { parts in !parts.contains { $0.hasPrefix(".") } }
    }
}

/// YAML files given on the command line: files as named, directories searched (through symbolic links) for
/// `*.yaml` and `*.yml` whose relative path components pass `include`; byte-wise sorted, each once.
enum YAMLFiles {
    static func find(_ paths: [String], include: ([Substring]) -> Bool) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            guard isDirectory.boolValue else { files.append(path); continue }
            let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            let found = FileManager.default.enumerator(atPath: real)?.compactMap { $0 as? String } ?? []
            files += found.filter { name in
                (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && include(name.split(separator: "/"))
            }.map { (path.hasSuffix("/") ? path : path + "/") + $0 }
        }
        return Array(Set(files)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
