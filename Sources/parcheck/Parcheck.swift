import ArgumentParser
import Foundation
import ParcheckKit

/// The command line: thin commands that declare their options; the work lives in ParcheckKit.
@main
struct Parcheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parcheck",
        abstract: "Kiểm tra việc thực hiện kế hoạch cải cách hành chính (CCHC) — check units against a PAR plan.",
        discussion: "Exit codes: 0 ok, 1 findings at or above --fail-on, 2 invalid plan, data or usage.",
        version: "0.1.0",
        subcommands: [Check.self, Metrics.self, Validate.self, Explain.self, Test.self, Init.self, Format.self, Merge.self],
        defaultSubcommand: Check.self)

    /// Usage errors exit 2, as documented, rather than ArgumentParser's EX_USAGE (64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error).rawValue == 64 {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Prints an outcome and exits with its code.
func finish(_ outcome: Outcome, output: String? = nil) throws -> Never {
    if let output {
        do { try outcome.stdout.write(toFile: output, atomically: true, encoding: .utf8) } catch {
            FileHandle.standardError.write(Data("error: cannot write \(output): \(error)\n".utf8))
            throw ExitCode(2)
        }
    } else {
        FileHandle.standardOutput.write(Data(outcome.stdout.utf8))
    }
    FileHandle.standardError.write(Data(outcome.stderr.utf8))
    throw ExitCode(outcome.exitCode)
}
