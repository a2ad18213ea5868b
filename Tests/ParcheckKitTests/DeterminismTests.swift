import Foundation
import XCTest

/// The same inputs give the same bytes whatever the thread count and the machine's time zone and locale:
/// the built `parcheck` binary runs every bundled example in separate processes with `--jobs` 1, 2 and 8 and with
/// `TZ` and `LANG` varied, and every JSON result (and the Vietnamese text report) must be identical.
final class DeterminismTests: XCTestCase {
    /// The `parcheck` executable built next to the test bundle (`swift build --build-tests` builds both).
    static var binary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("parcheck").path
    }

    /// Runs the binary; returns exit code and stdout.
    func parcheck(_ arguments: [String], environment: [String: String]) throws -> (Int32, Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Fixture.root)
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    func testEveryExampleGivesTheSameBytesForAnyThreadCountTimeZoneAndLocale() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: Self.binary),
                      "\(Self.binary) missing: build with swift build --build-tests")
        let examples = try FileManager.default.contentsOfDirectory(atPath: Fixture.root + "/Examples")
            .filter { FileManager.default.fileExists(atPath: Fixture.root + "/Examples/\($0)/parcheck.yaml") }.sorted()
        XCTAssertGreaterThanOrEqual(examples.count, 5)
        let settings: [(jobs: String, env: [String: String])] = [
            ("1", ["TZ": "UTC", "LANG": "C", "LC_ALL": "C"]),
            ("2", ["TZ": "Pacific/Kiritimati", "LANG": "vi_VN.UTF-8", "LC_ALL": "vi_VN.UTF-8"]),  // UTC+14
            ("8", ["TZ": "America/Los_Angeles", "LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"]),
        ]
        for example in examples {
            for format in ["json", "text"] {
                // --today fixes the day waivers are judged on, the one input that legitimately changes daily.
                let args = ["check", "--data", "Examples/\(example)", "--format", format, "--today", "2025-12-31"]
                var outputs: [Data] = []
                var codes: Set<Int32> = []
                for setting in settings {
                    let (code, out) = try parcheck(args + ["--jobs", setting.jobs], environment: setting.env)
                    codes.insert(code)
                    outputs.append(out)
                }
                XCTAssertEqual(codes.count, 1, "\(example) \(format): exit codes \(codes.sorted())")
                XCTAssertFalse(outputs[0].isEmpty, "\(example) \(format): no output")
                XCTAssertTrue(outputs.allSatisfy { $0 == outputs[0] }, "\(example) \(format): bytes differ")
            }
        }
    }
}
