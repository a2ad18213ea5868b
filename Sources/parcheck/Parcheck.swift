import ArgumentParser
import Common
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
        Timings.begin()
        ExitTeardown.skipsFreeing = true
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
    Timings.mark("return")
    if let output {
        do { try Data(outcome.stdoutBytes).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
            FileHandle.standardError.write(Data("error: cannot write \(output): \(error)\n".utf8))
            throw ExitCode(2)
        }
    } else {
        writeAll(outcome.stdoutBytes, to: STDOUT_FILENO)
    }
    FileHandle.standardError.write(Data(outcome.stderr.utf8))
    Timings.mark("write")
    throw ExitCode(outcome.exitCode)
}

/// Writes the bytes in place: a province's JSON result runs to tens of megabytes, and copying it into `Data`
/// first cost as much as writing it (phase timings, 2M dossiers). Stops quietly on a closed pipe.
func writeAll(_ bytes: [UInt8], to fd: Int32) {
    bytes.withUnsafeBufferPointer { buffer in
        var at = 0
        while at < buffer.count {
            let n = write(fd, buffer.baseAddress! + at, buffer.count - at)
            if n > 0 { at += n } else if n < 0 && errno == EINTR { continue } else { return }
        }
    }
}
